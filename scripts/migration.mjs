// `npm run migration:create -- <Name>` and `npm run migration:generate -- <Name>`: a new migration in
// migrations/, in the project's style, registered in migrations/index.ts (the list the service runs).
// `generate` writes the SQL that brings the configured database to what the entities describe
// (it needs a built project and a migrated database: the npm script builds first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
const [command, name] = process.argv.slice(2);

if (!['create', 'generate'].includes(command) || !/^[A-Z][A-Za-z0-9]*$/.test(name ?? '')) {
  console.error(
    'Usage: npm run migration:create -- <Name> | npm run migration:generate -- <Name>   (Name in PascalCase, e.g. AddInvitations)',
  );
  process.exit(1);
}

const timestamp = Date.now();
const className = `${name}${timestamp}`;
const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;

const queries = command === 'generate' ? await pendingSchemaChanges() : { up: [], down: [] };
if (command === 'generate' && queries.up.length === 0) {
  console.error('The database already matches the entities: nothing to generate.');
  process.exit(1);
}

const statements = (list, placeholder) =>
  list.length === 0
    ? `    // ${placeholder}`
    : list.map((sql) => `    await queryRunner.query(\`${sql.replaceAll('`', '\\`')}\`);`).join('\n');

const file = join(MIGRATIONS_DIR, `${fileName}.ts`);
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: what this migration changes, and why. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(queries.up, 'the change')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(queries.down, 'what undoes it')}
  }
}
`,
);
register();
console.log(`Wrote ${file} and added ${className} to migrations/index.ts`);

/** Adds the class to migrations/index.ts: imported after the others, last in the list. */
function register() {
  const index = join(MIGRATIONS_DIR, 'index.ts');
  const source = readFileSync(index, 'utf8');
  const lastImport = source.lastIndexOf('\nimport ');
  const importEnd = source.indexOf('\n', lastImport + 1);
  const listEnd = source.lastIndexOf('];');
  if (lastImport === -1 || listEnd === -1) throw new Error(`Cannot find the imports and the list in ${index}`);
  const line = `import { ${className} } from './${fileName}.js';`;
  writeFileSync(
    index,
    source.slice(0, importEnd + 1) + line + '\n' + source.slice(importEnd + 1, listEnd) + `  ${className},\n` + source.slice(listEnd),
  );
}

/** What TypeORM would run to make the configured database match the entities. */
async function pendingSchemaChanges() {
  const built = resolve('dist/src/data-source.js');
  if (!existsSync(built)) throw new Error('Build first (npm run build)');
  const dataSource = await (await import(pathToFileURL(built).href)).default;
  await dataSource.initialize();
  try {
    const log = await dataSource.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query).reverse() };
  } finally {
    await dataSource.destroy();
  }
}
