import type { EntityManager } from 'typeorm';

/**
 * SQL for how many rows of `table` have `column` = `value`, counted up to `upTo` at most: the range of
 * an index on `column` of at most that many entries, whatever the total. `value` and `upTo` are
 * parameter placeholders; `table` and `column` come from the code, never from input.
 */
export function boundedCountSql(table: string, column: string, value: string, upTo: string): string {
  return `(SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${column} = ${value} LIMIT ${upTo}) AS counted)`;
}

/** Runs boundedCountSql: the number of rows with `column` = `value`, at most `upTo`. */
export async function countUpTo(manager: EntityManager, table: string, column: string, value: unknown, upTo: number): Promise<number> {
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT ${boundedCountSql(table, column, '$1', '$2')} AS count`, [
    value,
    upTo,
  ]);
  return Number(count);
}
