import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnService, startServiceProcess, type ServiceProcess } from '../support/service-process.js';
import { bearer } from '../support/test-auth.js';

/** The embedded database in a folder of its own (never PostgreSQL, whatever the test run uses). */
const onFolder = (folder: string) => ({ DATABASE_URL: '', DATA_DIR: folder });

const linesOf = (output: string[]) =>
  output
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return (JSON.parse(line) as { msg: string }).msg;
      } catch {
        return line;
      }
    });

/** `npm run migration:run` as its built command, on the folder. */
async function migrate(folder: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['dist/src/database/migrate.js'], {
    env: { PATH: process.env.PATH, DATA_DIR: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

describe('The embedded database folder belongs to one process', () => {
  let dir: string;
  let running: ServiceProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workspaces-folder-'));
  });
  afterEach(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
    running = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second service, or a migration command, on a folder in use refuses to start in one line; a killed holder’s lock is taken over, and no write is lost', async () => {
    const folder = join(dir, 'shared', 'pglite');
    running = await startServiceProcess(onFolder(folder));
    const holder = running;
    const created = await fetch(`${holder.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { ...(await bearer('folder-owner')), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept', billingAccountEmail: 'billing@example.com' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8'))).toMatchObject({ pid: holder.child.pid });

    const second = spawnService({ ...onFolder(folder), PORT: String(await freePort()) });
    expect((await second.exited).code).toBe(1);
    const refusal = linesOf(second.output).filter((line) => line.startsWith('Cannot start:'));
    expect(refusal).toEqual([
      `Cannot start: the embedded database folder ${folder} is in use by process ${holder.child.pid} (another npm start or npm run start:dev, or a migration command). Stop it first, or give this one another folder (DATA_DIR) or PostgreSQL (DATABASE_URL)`,
    ]);
    const migration = await migrate(folder);
    expect(migration.code).not.toBe(0);
    expect(migration.output).toContain(`the embedded database folder ${folder} is in use by process ${holder.child.pid}`);
    // The holder was not disturbed.
    expect((await fetch(`${holder.url}/health/ready`)).status).toBe(200);

    // Killed, it leaves its lock behind; the next start sees that its process is gone and takes the folder.
    holder.child.kill('SIGKILL');
    await holder.exited;
    running = undefined;
    expect(existsSync(`${folder}.lock`)).toBe(true);
    running = await startServiceProcess(onFolder(folder));
    const read = await fetch(`${running.url}/api/v1/workspaces/${id}`, { headers: await bearer('folder-owner') });
    expect(read.status).toBe(200);

    // Stopped as usual, it gives the folder back.
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
    running = undefined;
    expect(existsSync(`${folder}.lock`)).toBe(false);
    expect((await migrate(folder)).output).toContain('No pending migrations');
  }, 90_000);

  it('a lock left by a process that no longer runs (its pid reused or gone) does not keep the folder', async () => {
    const folder = join(dir, 'stale', 'pglite');
    const first = await migrate(folder);
    expect(first.code).toBe(0);
    // A pid that cannot be running, and this very process's pid with another start time.
    for (const holder of [
      { pid: 2 ** 22 + 1, host: hostname(), started: '1' },
      { pid: process.pid, host: hostname(), started: '1' },
    ]) {
      writeFileSync(`${folder}.lock`, JSON.stringify(holder));
      const again = await migrate(folder);
      expect([again.code, again.output.trim()]).toEqual([0, 'No pending migrations']);
      expect(existsSync(`${folder}.lock`)).toBe(false);
    }
  }, 60_000);
});
