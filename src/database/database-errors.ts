import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes that adapters translate into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE and constraint of a failed query, or undefined for any other error. */
export function databaseViolation(error: unknown): { code: string; constraint?: string } | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  if (typeof driverError?.code !== 'string') return undefined;
  return {
    code: driverError.code,
    constraint: typeof driverError.constraint === 'string' ? driverError.constraint : undefined,
  };
}
