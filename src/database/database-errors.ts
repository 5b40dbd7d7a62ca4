import {
  CannotExecuteNotConnectedError,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

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

/**
 * SQLSTATE classes and codes meaning the server is gone, refusing work or gave up waiting (statement,
 * lock or idle-in-transaction timeout, deadlock), not that the query is wrong: the transaction was
 * rolled back, and a retry may succeed.
 */
const UNAVAILABLE_SQLSTATES = ['57P01', '57P02', '57P03', '53300', '57014', '55P03', '25P03', '40001', '40P01'];
const UNAVAILABLE_SYSTEM_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'];
/** What pg and pg-pool say when a connection could not be made or was lost (they set no code). */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|timeout expired|Connection terminated|Query read timeout|connection error|Client was closed|Cannot use a pool after calling end|terminating connection/i;
/**
 * What TypeORM throws when the connection under a query runner (or the data source) is gone: the
 * connection was lost under a transaction, which TypeORM then refuses to go on with, or the data
 * source was closed (shutdown).
 */
const UNAVAILABLE_TYPEORM_ERRORS = [
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
  CannotExecuteNotConnectedError,
];

/** True when the database could not be reached or dropped the connection: the caller may retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.includes(code) || code.startsWith('08') || UNAVAILABLE_SYSTEM_CODES.includes(code))
    ) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (UNAVAILABLE_TYPEORM_ERRORS.some((type) => current instanceof type)) return true;
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
