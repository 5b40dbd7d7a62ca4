import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Where writeRows finds the entities' tables and columns (the DataSource). */
export interface EntityMetadataSource {
  getMetadata(target: EntityTarget<ObjectLiteral>): EntityMetadata;
}

/** Rows of one entity, to be written by writeRows. */
export interface RowBatch {
  target: EntityTarget<ObjectLiteral>;
  rows: readonly ObjectLiteral[];
}

/**
 * A condition the database checks in the same statement before anything is inserted: a boolean SQL
 * expression whose parameters are written `$g1`, `$g2`, ... (numbered after the rows' own).
 */
export interface InsertGuard {
  condition: string;
  params: readonly unknown[];
}

/**
 * A statement that changes existing rows (UPDATE or DELETE), its parameters written `$1`, `$2`, ...:
 * written together with the inserts of the same change (see writeRows).
 */
export interface RowStatement {
  /** The table it changes. */
  table: string;
  sql: string;
  params: readonly unknown[];
}

/**
 * One statement for a whole change (atomic by itself, one round trip): the updates and deletes first
 * (as data-modifying CTEs, which run once and to completion, in no set order), then the inserts, in
 * the order given, so that an aggregate and its children are stored all or nothing. The columns and
 * their types come from the entities' metadata, the values from the rows the mappers built. Returns
 * false, having written nothing, when a guard is given and does not hold.
 */
export async function writeRows(
  schema: EntityMetadataSource,
  query: (sql: string, params: readonly unknown[]) => Promise<unknown[]>,
  change: { statements?: readonly RowStatement[]; batches: readonly RowBatch[]; guard?: InsertGuard },
): Promise<boolean> {
  const statements = change.statements ?? [];
  const present = change.batches.filter((batch) => batch.rows.length > 0);
  if (present.length === 0 && statements.length === 0) return true;
  if (change.guard && present.length === 0) throw new Error('A guard needs rows to insert');
  const tables = present.map((batch) => tableOf(schema, batch.target));
  const parameters: unknown[] = statements.flatMap((statement) => statement.params);
  for (let index = 0; index < tables.length; index++) {
    const rows = present[index].rows;
    for (const column of tables[index].columns) {
      const values: unknown[] = new Array(rows.length);
      for (let row = 0; row < rows.length; row++) values[row] = column.getEntityValue(rows[row]) ?? null;
      parameters.push(values);
    }
  }
  const sql = statementFor(statements, tables, change.guard?.condition);
  if (!change.guard) {
    await query(sql, parameters);
    return true;
  }
  const inserted = await query(sql, [...parameters, ...change.guard.params]);
  return inserted.length > 0;
}

interface Table {
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
}

/** What a table's inserts need of its metadata, worked out once per entity. */
const tables = new WeakMap<EntityMetadata, Table>();

function tableOf(schema: EntityMetadataSource, target: EntityTarget<ObjectLiteral>): Table {
  const metadata = schema.getMetadata(target);
  let table = tables.get(metadata);
  if (!table) {
    table = { metadata, columns: storedColumns(metadata) };
    tables.set(metadata, table);
  }
  return table;
}

/** The statement for these statements, tables in this order, and guard (it does not depend on how many rows each has), built once. */
const built = new Map<string, string>();

function statementFor(statements: readonly RowStatement[], list: readonly Table[], guard?: string): string {
  const key = `${statements.map((statement) => `${statement.sql}\u0000${statement.params.length}`).join('\u0001')}\n${list
    .map((table) => table.metadata.tableName)
    .join(' ')}\n${guard ?? ''}`;
  let sql = built.get(key);
  if (sql === undefined) {
    let parameter = 0;
    const changes = statements.map((statement) => {
      const offset = parameter;
      parameter += statement.params.length;
      return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${offset + Number(n)}`);
    });
    // Every insert takes its rows only when the guard (one row, computed once) allows.
    const only = guard === undefined ? '' : ' WHERE (SELECT ok FROM guard)';
    const inserts = list.map((table) => {
      const arrays = table.columns.map((column) => `$${++parameter}::${arrayType(column)}`);
      const names = table.columns.map((column) => `"${column.databaseName}"`).join(', ');
      return `INSERT INTO "${table.metadata.tableName}" (${names}) SELECT * FROM unnest(${arrays.join(', ')})${only}`;
    });
    const parts = [...changes, ...inserts];
    // The earlier parts as data-modifying CTEs (each runs once, to completion), the last one as the statement.
    const ctes = parts.slice(0, -1).map((part, index) => `c${index} AS (${part})`);
    let last = parts.at(-1)!;
    if (guard !== undefined) {
      ctes.unshift(`guard AS (SELECT (${guard.replace(/\$g(\d+)/g, (_, n: string) => `$${parameter + Number(n)}`)}) AS ok)`);
      last += ' RETURNING 1';
    }
    sql = ctes.length === 0 ? last : `WITH ${ctes.join(', ')} ${last}`;
    built.set(key, sql);
  }
  return sql;
}

/**
 * Every column once (a relation's join column that is also a plain column is the same column), except
 * those the database fills in itself (identity columns).
 */
function storedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  const seen = new Set<string>();
  return metadata.columns.filter((column) => {
    if (column.isVirtual || column.isGenerated || seen.has(column.databaseName)) return false;
    seen.add(column.databaseName);
    return true;
  });
}

/** The array type to pass a column's values as: character types as text (a cast to `char` would truncate). */
function arrayType(column: ColumnMetadata): string {
  if (typeof column.type !== 'string') throw new Error(`Column ${column.propertyPath} needs an explicit database type`);
  return ['varchar', 'character varying', 'char', 'character', 'text'].includes(column.type) ? 'text[]' : `${column.type}[]`;
}
