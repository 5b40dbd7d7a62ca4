/**
 * The forms a token may take as a client presents it, after `Authorization: Basic ` or in a body: what
 * it decodes to when it is base64 (the bare token, or `user:token` as `curl -u` sends it), then itself.
 */
export function presentedTokenForms(presented: string): string[] {
  const forms: string[] = [];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(presented)) {
    const decoded = Buffer.from(presented, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const token = colon === -1 ? decoded : decoded.slice(colon + 1);
    if (token.length > 0) forms.push(token);
  }
  if (presented.length > 0 && !forms.includes(presented)) forms.push(presented);
  return forms;
}
