/** What the benchmark scripts share: the bench database, starting the built service, tokens. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/workspaces_bench';
const SECRET = 'benchmark-secret-that-is-at-least-32-characters';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service as production runs it: the arguments of `npm run start:prod` (node flags and the bundle). */
export const SERVICE_COMMAND = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'))
  .scripts['start:prod'].split(' ')
  .slice(1);

/** A bearer token for `sub`, with `scope` when given. */
export const token = (sub, scope) =>
  new SignJWT(scope ? { scope } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function recreateDatabase() {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/bench/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a database containing "bench" (got ${name}): it is dropped`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/** Starts node with `args` and resolves when `readyPath` answers, with the time that took. */
export async function startProcess(args, readyPath, env = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [args].flat(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL, AUTH_JWT_SECRET: SECRET, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${[args].flat().join(' ')} exited: ${stderr}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).status < 500) break;
    } catch {
      // not yet
    }
    await sleep(5);
  }
  const readyMs = performance.now() - started;
  return { url, child, readyMs, stop: async () => (child.kill('SIGTERM'), exited) };
}
