import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseConfig } from '../support/test-database.js';

/** The built commands run as a deployment runs them (`npm test` builds first), on the test database. */
function run(args: string[], env: Record<string, string>): string {
  const database = testDatabaseConfig();
  return execFileSync(process.execPath, args, {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...(database.url ? { DATABASE_URL: database.url } : {}), ...env },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

describe('migration commands', () => {
  // The embedded database in a folder of its own (memory:// would not outlive one command).
  const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'migrations-')), 'pglite') };

  it('node dist/src/database/migrate.js (the command in the Docker image) applies the migrations, then finds none pending', () => {
    // On a test database of an earlier run, only the migrations added since are pending.
    const first = run(['dist/src/database/migrate.js'], env);
    expect(first).toMatch(/Applied: [A-Z]\w+\d{13}(, [A-Z]\w+\d{13})*\n|No pending migrations/);
    expect(run(['dist/src/database/migrate.js'], env)).toContain('No pending migrations');
  }, 60_000);

  it('the TypeORM CLI reads the exported data source: migration:show lists every migration as applied', () => {
    run(['dist/src/database/migrate.js'], env);
    const shown = run(['node_modules/typeorm/cli.js', '-d', 'dist/src/data-source.js', 'migration:show'], env);
    const names = readdirSync('migrations').filter((file) => /^\d+-.*\.ts$/.test(file));
    expect(shown.match(/\[X\]/g)).toHaveLength(names.length);
    expect(shown).not.toContain('[ ]');
  }, 60_000);

  it('migration:create writes a migration in the project style and registers it in migrations/index.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-dir-'));
    cpSync('migrations', dir, { recursive: true });
    const out = execFileSync(process.execPath, ['scripts/migration.mjs', 'create', 'AddInvitations'], {
      env: { PATH: process.env.PATH, MIGRATIONS_DIR: dir },
      encoding: 'utf8',
    });
    const [className] = /AddInvitations\d+/.exec(out)!;
    const file = readdirSync(dir).find((name) => name.endsWith('-add-invitations.ts'))!;
    expect(readFileSync(join(dir, file), 'utf8')).toContain(`export class ${className} implements MigrationInterface`);
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    expect(index).toContain(`import { ${className} } from './${file.replace(/\.ts$/, '.js')}';`);
    expect(index.trimEnd()).toMatch(new RegExp(`  ${className},\\n\\];$`));
  });

  it('migration:create refuses a name that is not PascalCase', () => {
    expect(() => execFileSync(process.execPath, ['scripts/migration.mjs', 'create', 'add invitations'], { stdio: 'pipe' })).toThrow(
      /Usage/,
    );
  });
});
