import { createSecretKey } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { Hs256Refusal, verifyHs256, type Hs256Checks } from './hs256-jwt.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const key = new TextEncoder().encode(SECRET);
const NOW = Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** What jose's jwtVerify answers for the token: the payload, or the refusal in verifyHs256's terms. */
async function jose(token: string, checks: Hs256Checks): Promise<JWTPayload | string> {
  try {
    const options = {
      ...checks,
      requiredClaims: checks.requireExpiry ? ['exp'] : [],
      algorithms: ['HS256'],
      currentDate: new Date(NOW * 1000),
    };
    return (await jwtVerify(token, key, options)).payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') return 'expiry';
    return 'invalid';
  }
}

function ours(token: string, checks: Hs256Checks): JWTPayload | string {
  try {
    return verifyHs256(token, createSecretKey(Buffer.from(SECRET)), checks, NOW);
  } catch (error) {
    if (error instanceof Hs256Refusal) return error.problem;
    throw error;
  }
}

const signed = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);

/** A token with the given header and payload segments, signed with the secret as they are. */
async function raw(header: string, payload: string): Promise<string> {
  const { createHmac } = await import('node:crypto');
  return `${header}.${payload}.${createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url')}`;
}

describe('verifyHs256 answers as jose jwtVerify does', () => {
  const plain: Hs256Checks = { clockTolerance: 5, requireExpiry: true };
  const scoped: Hs256Checks = { clockTolerance: 5, requireExpiry: false, issuer: 'https://idp.example', audience: 'workspaces' };

  const cases: Array<[string, () => Promise<string>]> = [
    ['a valid token', () => signed({ sub: 'u', exp: NOW + 60 })],
    ['expired beyond the tolerance', () => signed({ sub: 'u', exp: NOW - 6 })],
    ['expired within the tolerance', () => signed({ sub: 'u', exp: NOW - 4 })],
    ['expiring exactly at the tolerance', () => signed({ sub: 'u', exp: NOW - 5 })],
    ['without exp', () => signed({ sub: 'u' })],
    ['exp as a string', () => signed({ sub: 'u', exp: String(NOW + 60) as unknown as number })],
    ['not valid before a later time', () => signed({ sub: 'u', exp: NOW + 60, nbf: NOW + 6 })],
    ['nbf within the tolerance', () => signed({ sub: 'u', exp: NOW + 60, nbf: NOW + 4 })],
    ['iat as a string', () => signed({ sub: 'u', exp: NOW + 60, iat: 'yesterday' as unknown as number })],
    ['HS512', () => new SignJWT({ sub: 'u', exp: NOW + 60 }).setProtectedHeader({ alg: 'HS512' }).sign(key)],
    ['alg none', async () => `${b64({ alg: 'none' })}.${b64({ sub: 'u', exp: NOW + 60 })}.`],
    [
      'another secret',
      () => new SignJWT({ sub: 'u', exp: NOW + 60 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(`${SECRET}!`)),
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await signed({ sub: 'u', exp: NOW + 60 })).split('.');
        return `${h}.${b64({ sub: 'admin', exp: NOW + 60 })}.${s}`;
      },
    ],
    ['a truncated signature', async () => (await signed({ sub: 'u', exp: NOW + 60 })).slice(0, -2)],
    ['a crit header', () => raw(b64({ alg: 'HS256', crit: ['x'], x: 1 }), b64({ sub: 'u', exp: NOW + 60 }))],
    ['b64 false', () => raw(b64({ alg: 'HS256', b64: false }), b64({ sub: 'u', exp: NOW + 60 }))],
    ['padding in the payload segment', () => raw(b64({ alg: 'HS256' }), `${b64({ sub: 'uu', exp: NOW + 60 })}=`)],
    ['a character outside base64url', () => raw(b64({ alg: 'HS256' }), `${b64({ sub: 'u', exp: NOW + 60 })}*`)],
    ['a payload that is an array', () => raw(b64({ alg: 'HS256' }), b64([1, 2]))],
    ['a payload that is not JSON', () => raw(b64({ alg: 'HS256' }), b64('not json'))],
    ['a header that is not JSON', () => raw(b64('{alg'), b64({ sub: 'u', exp: NOW + 60 }))],
    ['four segments', async () => `${await signed({ sub: 'u', exp: NOW + 60 })}.x`],
    ['padding in a segment', async () => `${await signed({ sub: 'u', exp: NOW + 60 })}=`],
    [
      'the right issuer and one of the audiences',
      () => signed({ sub: 'u', exp: NOW + 60, iss: 'https://idp.example', aud: ['x', 'workspaces'] }),
    ],
    ['another issuer', () => signed({ sub: 'u', exp: NOW + 60, iss: 'https://other.example', aud: 'workspaces' })],
    ['another audience', () => signed({ sub: 'u', exp: NOW + 60, iss: 'https://idp.example', aud: 'billing' })],
    ['no audience', () => signed({ sub: 'u', exp: NOW + 60, iss: 'https://idp.example' })],
  ];

  for (const [name, make] of cases) {
    it(name, async () => {
      const token = await make();
      for (const checks of [plain, scoped]) expect(ours(token, checks)).toEqual(await jose(token, checks));
    });
  }
});
