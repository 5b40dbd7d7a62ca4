import { createHash, randomBytes } from 'node:crypto';

/**
 * The secrets of both token kinds: a prefix that tells them apart (and lets secret scanners recognise
 * a leaked one), then 32 random bytes in base64url. Only the SHA-256 of a secret is ever stored.
 */
export const WORKSPACE_TOKEN_PREFIX = 'wsat_';
export const USER_TOKEN_PREFIX = 'usat_';
const SECRET_BYTES = 32;
const BODY = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((SECRET_BYTES * 4) / 3)}}$`);

export function newSecret(prefix: string): string {
  return prefix + randomBytes(SECRET_BYTES).toString('base64url');
}

/** Whether a value could be a secret this service issued with that prefix: nothing else is worth a lookup. */
export function hasSecretShape(value: string, prefix: string): boolean {
  return value.startsWith(prefix) && BODY.test(value.slice(prefix.length));
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The hash to look up for a presented value: that of the first of its `forms` (the ways the client may
 * have presented it) shaped like a secret with this prefix; undefined when none is, and nothing is worth
 * a lookup.
 */
export function presentedSecretHash(forms: readonly string[], prefix: string): string | undefined {
  const secret = forms.find((form) => hasSecretShape(form, prefix));
  return secret === undefined ? undefined : hashSecret(secret);
}
