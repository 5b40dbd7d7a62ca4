import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Rows of one entity, to be written by insertRows. */
export interface RowBatch {
  target: EntityTarget<ObjectLiteral>;
  rows: readonly ObjectLiteral[];
}

/**
 * Inserts batches of rows into their tables in one statement (atomic by itself, one round trip),
 * in the order given: an aggregate and its children are stored all or nothing. The columns and their
 * types come from the entities' metadata, the values from the rows the mapper built.
 */
export async function insertRows(manager: EntityManager, batches: readonly RowBatch[]): Promise<void> {
  const parameters: unknown[] = [];
  const inserts = batches
    .filter((batch) => batch.rows.length > 0)
    .map((batch, index) => {
      const metadata = manager.connection.getMetadata(batch.target);
      const columns = storedColumns(metadata);
      const arrays = columns.map((column) => {
        parameters.push(batch.rows.map((row): unknown => column.getEntityValue(row) ?? null));
        return `$${parameters.length}::${arrayType(column)}`;
      });
      const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
      return `i${index} AS (INSERT INTO "${metadata.tableName}" (${names}) SELECT * FROM unnest(${arrays.join(', ')}))`;
    });
  if (inserts.length === 0) return;
  await manager.query(`WITH ${inserts.join(', ')} SELECT 1`, parameters);
}

/** The columns of a row that differ between two versions of it (Dates by their time). */
export function changedColumns(
  target: EntityTarget<ObjectLiteral>,
  manager: EntityManager,
  before: ObjectLiteral,
  after: ObjectLiteral,
): ObjectLiteral {
  const changes: ObjectLiteral = {};
  for (const column of storedColumns(manager.connection.getMetadata(target))) {
    const a: unknown = column.getEntityValue(before);
    const b: unknown = column.getEntityValue(after);
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) changes[column.propertyName] = b;
  }
  return changes;
}

/** Every column once (a relation's join column that is also a plain column is the same column). */
function storedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  const seen = new Set<string>();
  return metadata.columns.filter((column) => {
    if (column.isVirtual || seen.has(column.databaseName)) return false;
    seen.add(column.databaseName);
    return true;
  });
}

/** The array type to pass a column's values as: character types as text (a cast to `char` would truncate). */
function arrayType(column: ColumnMetadata): string {
  if (typeof column.type !== 'string') throw new Error(`Column ${column.propertyPath} needs an explicit database type`);
  return ['varchar', 'character varying', 'char', 'character', 'text'].includes(column.type) ? 'text[]' : `${column.type}[]`;
}
