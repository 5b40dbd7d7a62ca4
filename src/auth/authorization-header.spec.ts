import { accessTokenFromBasic, credentialsFor } from './authorization-header.js';

const b64 = (value: string) => Buffer.from(value).toString('base64');

describe('credentialsFor', () => {
  it('returns the credentials of the named scheme, whatever its case', () => {
    expect(credentialsFor('Bearer abc.def', 'Bearer')).toBe('abc.def');
    expect(credentialsFor('bearer abc', 'Bearer')).toBe('abc');
    expect(credentialsFor('BASIC xyz=', 'Basic')).toBe('xyz=');
  });

  it('returns nothing for another scheme, a missing header or a malformed one', () => {
    expect(credentialsFor('Basic xyz', 'Bearer')).toBeUndefined();
    expect(credentialsFor(undefined, 'Bearer')).toBeUndefined();
    expect(credentialsFor('Bearer', 'Bearer')).toBeUndefined();
    expect(credentialsFor('Bearer a b', 'Bearer')).toBeUndefined();
    expect(credentialsFor(['Bearer a', 'Bearer b'], 'Bearer')).toBeUndefined();
  });
});

describe('accessTokenFromBasic', () => {
  it('reads the bare token, as the reference clients send it', () => {
    expect(accessTokenFromBasic(b64('wsat_secret'))).toBe('wsat_secret');
  });

  it('reads the password part of user:password, as curl -u sends it', () => {
    expect(accessTokenFromBasic(b64('me:wsat_secret'))).toBe('wsat_secret');
    expect(accessTokenFromBasic(b64(':wsat_secret'))).toBe('wsat_secret');
  });

  it('returns nothing for credentials that are not base64 or carry no token', () => {
    expect(accessTokenFromBasic('not base64!')).toBeUndefined();
    expect(accessTokenFromBasic(b64('user:'))).toBeUndefined();
    expect(accessTokenFromBasic('')).toBeUndefined();
  });
});
