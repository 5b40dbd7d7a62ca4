import { SignJWT } from 'jose';

/** The HS256 secret of the test configuration. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const PROVISION_SCOPE = 'workspaces:provision';

export interface TokenOptions {
  scope?: string;
  permissions?: string[];
  /** Seconds from now; negative for an expired token; null for a token without `exp`. */
  expiresIn?: number | null;
  secret?: string;
}

export async function bearerToken(userId: string | undefined, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ scope: options.scope, permissions: options.permissions }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now);
  if (options.expiresIn !== null) jwt = jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  if (userId !== undefined) jwt = jwt.setSubject(userId);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** A bearer token carrying profile claims (email, name, picture, email_verified), as an identity provider sends them. */
export async function bearerWithProfile(userId: string, profile: Record<string, unknown>): Promise<{ authorization: string }> {
  const token = await new SignJWT(profile)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
  return { authorization: `Bearer ${token}` };
}

export async function bearer(userId: string, options?: TokenOptions): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await bearerToken(userId, options)}` };
}

/** `Basic <base64 of the token>`, as the reference API's clients send an access token. */
export function basic(secret: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(secret).toString('base64')}` };
}
