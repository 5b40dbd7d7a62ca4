/**
 * `npm run token -- <userId> [--scope <scope>]... [--ttl <seconds>] [--email <address>] [--name <name>]`:
 * prints a bearer token for local use, signed with the configured HS256 secret (the development default
 * when none is set). `--email` puts a verified email in it (`email`, `email_verified: true`), as an
 * identity provider does: what answering an invitation needs.
 * It refuses to run when the service verifies tokens against an identity provider's JWKS.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { loadConfig } from '../config/app-config.js';
import { loadEnvFile } from '../config/env-file.js';

loadEnvFile();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scope: { type: 'string', multiple: true, default: [] },
    ttl: { type: 'string', default: '3600' },
    email: { type: 'string' },
    name: { type: 'string' },
  },
});
const userId = positionals[0];
const ttl = Number(values.ttl);
if (!userId || !Number.isInteger(ttl) || ttl <= 0) {
  console.error('usage: npm run token -- <userId> [--scope <scope>]... [--ttl <seconds>] [--email <address>] [--name <name>]');
  process.exit(2);
}
const { jwt } = loadConfig();
if (jwt.kind !== 'secret') {
  console.error('Tokens can be minted only with an HS256 secret; this configuration verifies tokens with AUTH_JWKS_URL.');
  process.exit(2);
}
let token = new SignJWT({
  scope: values.scope.join(' ') || undefined,
  name: values.name,
  ...(values.email === undefined ? {} : { email: values.email, email_verified: true }),
})
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(userId)
  .setIssuedAt()
  .setExpirationTime(`${ttl}s`);
if (jwt.issuer) token = token.setIssuer(jwt.issuer);
if (jwt.audience) token = token.setAudience(jwt.audience);
console.log(await token.sign(new TextEncoder().encode(jwt.secret)));
