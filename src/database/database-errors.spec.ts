import {
  CannotExecuteNotConnectedError,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable } from './database-errors.js';

const failed = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('failed'), { code }));

describe('isDatabaseUnavailable', () => {
  it('is true for a database that gave up waiting or went away: the transaction was rolled back, a retry may succeed', () => {
    // statement timeout, lock timeout, idle-in-transaction timeout, deadlock, serialization, shutdown, connection failure
    for (const code of ['57014', '55P03', '25P03', '40P01', '40001', '57P01', '08006'])
      expect(isDatabaseUnavailable(failed(code))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    // The connection was lost under a transaction; TypeORM then refuses the transaction's next query.
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('is true for every way pg and TypeORM report a connection that could not be made or was lost', () => {
    // TypeORM: the query runner's connection was released under a transaction (both of its errors), the data source closed.
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new CannotExecuteNotConnectedError())).toBe(true);
    // pg and pg-pool, which set no code: connect timeout, connection lost, client or pool closed.
    for (const message of [
      'timeout expired',
      'timeout exceeded when trying to connect',
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
      'Cannot use a pool after calling end on the pool',
    ])
      expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    // Wrapped as TypeORM and Nest wrap them.
    expect(isDatabaseUnavailable(new Error('outer', { cause: new QueryRunnerProviderAlreadyReleasedError() }))).toBe(true);
  });

  it('is false for a query that is wrong', () => {
    for (const code of ['23505', '22P02', '42P01']) expect(isDatabaseUnavailable(failed(code))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
