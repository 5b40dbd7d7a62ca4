import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { characterLength } from '../common/character-length.js';
import { isStorableText, USER_ID_MAX_LENGTH } from '../common/text.js';
import { AppConfig } from '../config/app-config.js';
import type { UserProfile } from '../users/domain/user.js';
import { IdentityProviderUnavailable, InvalidBearerToken } from './auth.errors.js';
import { Hs256Refusal, verifyHs256 } from './hs256-jwt.js';
import { BearerTokenVerifier, type VerifiedIdentity } from './bearer-token-verifier.js';

/**
 * Verifies the identity provider's JWTs: with `jose` against its JWKS (RS256/ES256, issuer and
 * audience checked) or, for simple setups, against a shared HS256 secret (hs256-jwt.ts).
 */
@Injectable()
export class JoseBearerTokenVerifier extends BearerTokenVerifier {
  private readonly verifySignature: (token: string) => Promise<JWTPayload>;

  constructor(config: AppConfig) {
    super();
    const jwt = config.jwt;
    if (jwt.kind === 'jwks') {
      const checks = { issuer: jwt.issuer, audience: jwt.audience, clockTolerance: 5, requiredClaims: jwt.requireExpiry ? ['exp'] : [] };
      // Keys are fetched once and cached; an unknown `kid` triggers a refetch at most every 30 s.
      const keys = createRemoteJWKSet(jwt.jwksUrl, { timeoutDuration: 5_000, cooldownDuration: 30_000 });
      this.verifySignature = async (token) => (await jwtVerify(token, keys, { ...checks, algorithms: ['RS256', 'ES256'] })).payload;
    } else {
      // HS256 is verified synchronously with node:crypto (hs256-jwt.ts), with the checks jwtVerify makes.
      // A KeyObject made once: an HMAC of raw bytes prepares the key again on every request.
      const secret = createSecretKey(Buffer.from(jwt.secret, 'utf8'));
      const hs256 = { issuer: jwt.issuer, audience: jwt.audience, clockTolerance: 5, requireExpiry: jwt.requireExpiry };
      this.verifySignature = (token) => Promise.resolve(verifyHs256(token, secret, hs256));
    }
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignature(token);
    } catch (error) {
      throw translate(error);
    }
    if (!isUsableUserId(payload.sub)) throw new InvalidBearerToken('subject');
    return { userId: payload.sub, scopes: scopesOf(payload), profile: profileOf(payload.sub, payload) };
  }
}

function translate(error: unknown): Error {
  if (error instanceof Hs256Refusal) return new InvalidBearerToken(error.problem);
  if (error instanceof errors.JWTExpired) return new InvalidBearerToken('expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing')
    return new InvalidBearerToken('expiry');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new IdentityProviderUnavailable();
  if (error instanceof errors.JOSEError) return new InvalidBearerToken('invalid');
  // A JWKS that cannot be fetched surfaces as fetch's network error (compared by name: it may come from another realm).
  if ((error as { name?: unknown } | null)?.name === 'TypeError') return new IdentityProviderUnavailable();
  return new InvalidBearerToken('invalid');
}

function profileOf(userId: string, payload: JWTPayload): UserProfile {
  // A claim that could not be stored unchanged is treated as absent.
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && isStorableText(value) ? value : undefined);
  return {
    id: userId,
    email: text(payload.email),
    name: text(payload.name),
    picture: text(payload.picture),
    emailVerified: typeof payload.email_verified === 'boolean' ? payload.email_verified : undefined,
  };
}

/** A `sub` that can be stored as a user id and read back unchanged. */
function isUsableUserId(sub: unknown): sub is string {
  return typeof sub === 'string' && sub.length > 0 && characterLength(sub) <= USER_ID_MAX_LENGTH && isStorableText(sub);
}

function scopesOf(payload: JWTPayload): string[] {
  const scopes: string[] = [];
  if (typeof payload.scope === 'string') scopes.push(...payload.scope.split(' ').filter(Boolean));
  if (Array.isArray(payload.permissions)) scopes.push(...payload.permissions.filter((p): p is string => typeof p === 'string'));
  return scopes;
}
