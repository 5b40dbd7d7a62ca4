import { presentedTokenForms } from './presented-token.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('presentedTokenForms', () => {
  it('offers the decoded token first, then the value as sent', () => {
    expect(presentedTokenForms(base64('wsat_abc'))).toEqual(['wsat_abc', base64('wsat_abc')]);
    expect(presentedTokenForms(base64('x:wsat_abc'))).toEqual(['wsat_abc', base64('x:wsat_abc')]);
  });

  it('offers a value that is not base64 as it is, and nothing for an empty value', () => {
    expect(presentedTokenForms('wsat_a-b_c')).toEqual(['wsat_a-b_c']);
    expect(presentedTokenForms('')).toEqual([]);
    expect(presentedTokenForms(base64('x:'))).toEqual([base64('x:')]);
  });
});
