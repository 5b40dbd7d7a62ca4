import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { JWTPayload } from 'jose';

/** Why a token was refused, in the words of `InvalidBearerToken`. */
export type Hs256Problem = 'invalid' | 'expired' | 'expiry';

export interface Hs256Checks {
  issuer?: string;
  audience?: string;
  /** Seconds of clock skew allowed on `exp` and `nbf`. */
  clockTolerance: number;
  requireExpiry: boolean;
}

export class Hs256Refusal extends Error {
  constructor(readonly problem: Hs256Problem) {
    super(problem);
  }
}

/** base64url; padding is tolerated, as jose does. */
const SEGMENT = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Verifies a compact HS256 JWT synchronously with node:crypto: the checks `jose`'s `jwtVerify` makes
 * for this algorithm (header, signature, `exp`, `nbf`, `iat`, issuer and audience, no `crit`), without
 * WebCrypto's round trip through the thread pool on every request.
 */
export function verifyHs256(token: string, secret: KeyObject, checks: Hs256Checks, nowSeconds = Math.floor(Date.now() / 1000)): JWTPayload {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw new Hs256Refusal('invalid');
  const [header, body, signature] = parts;
  const protectedHeader = jsonObject(header);
  if (protectedHeader.alg !== 'HS256' || 'crit' in protectedHeader) throw new Hs256Refusal('invalid');
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw new Hs256Refusal('invalid');
  const payload = jsonObject(body) as JWTPayload;
  checkClaims(payload, checks, nowSeconds);
  return payload;
}

function jsonObject(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new Hs256Refusal('invalid');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Hs256Refusal('invalid');
  return value as Record<string, unknown>;
}

function checkClaims(payload: JWTPayload, checks: Hs256Checks, now: number): void {
  if (checks.issuer !== undefined && payload.iss !== checks.issuer) throw new Hs256Refusal('invalid');
  if (checks.audience !== undefined) {
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
    if (!audiences.includes(checks.audience)) throw new Hs256Refusal('invalid');
  }
  if (payload.iat !== undefined && typeof payload.iat !== 'number') throw new Hs256Refusal('invalid');
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now + checks.clockTolerance))
    throw new Hs256Refusal('invalid');
  if (payload.exp === undefined) {
    if (checks.requireExpiry) throw new Hs256Refusal('expiry');
    return;
  }
  if (typeof payload.exp !== 'number') throw new Hs256Refusal('invalid');
  if (payload.exp <= now - checks.clockTolerance) throw new Hs256Refusal('expired');
}
