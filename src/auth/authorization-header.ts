/** The credentials of an `Authorization` header for one scheme (case-insensitive), or undefined. */
export function credentialsFor(header: string | string[] | undefined, scheme: 'Bearer' | 'Basic'): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match || match[1].toLowerCase() !== scheme.toLowerCase()) return undefined;
  return match[2];
}
