import { credentialsFor } from './authorization-header.js';

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
