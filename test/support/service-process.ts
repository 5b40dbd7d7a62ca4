import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from './test-auth.js';
import { testDatabaseConfig } from './test-database.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The built service (`dist/main.mjs`, the production bundle that `npm test`'s pretest build makes) as a
 * real process with the test settings (and `env` over them), its output collected, not waited for.
 */
export function spawnService(env: Record<string, string> = {}): Omit<ServiceProcess, 'url'> {
  const database = testDatabaseConfig();
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      HOST: '127.0.0.1',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      // Tests send many refused credentials from one address; the limit itself is tested on its own.
      AUTH_FAILURE_LIMIT: '1000000',
      ...(database.url ? { DATABASE_URL: database.url } : { DATA_DIR: 'memory://' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': every line the process wrote has been read by then.
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

/** The built service on the test database (see spawnService), resolved once it reports ready. */
export async function startServiceProcess(env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const { child, output, exited } = spawnService({ PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited during start:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return { url, child, output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not become ready:\n${output.join('')}`);
}
