/** The credentials of an `Authorization` header for one scheme (case-insensitive), or undefined. */
export function credentialsFor(header: string | string[] | undefined, scheme: 'Bearer' | 'Basic'): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match || match[1].toLowerCase() !== scheme.toLowerCase()) return undefined;
  return match[2];
}

/**
 * The access-token secret in Basic credentials. The reference API's clients send the base64 of the
 * bare token; `curl -u user:token` sends base64 of `user:token`, so whatever follows the first colon
 * is the token then.
 */
export function accessTokenFromBasic(credentials: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const token = colon === -1 ? decoded : decoded.slice(colon + 1);
  return token.length > 0 ? token : undefined;
}
