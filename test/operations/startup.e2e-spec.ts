import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from '../support/test-auth.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('Start without a reachable database', () => {
  it('gives up after three tries and says why in one line, then exits 1', async () => {
    const child = spawn(process.execPath, ['dist/main.mjs'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_FORMAT: 'json',
        PORT: '0',
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        // Nothing listens on port 1.
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/workspaces_test',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    const lines = output.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(lines.filter((line) => line.msg.startsWith('Unable to connect to the database'))).toHaveLength(3);
    const last = lines.at(-1)!;
    expect(last.msg).toMatch(/^Cannot start: .*ECONNREFUSED/);
    expect(last.level).toBe(60);
  }, 20_000);
});
