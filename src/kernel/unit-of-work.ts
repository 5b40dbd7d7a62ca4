/**
 * An open unit of work, as a use case holds it: repositories lock what the use case's rules need
 * through it and store the aggregates it changed into it (`save(tx, aggregate)`). Nothing is written
 * before the unit of work ends: then one writer stores every saved aggregate with its recorded events
 * (the audit log's rows and the outbox's messages), in one statement where possible.
 */
export interface Transaction {
  /** What the unit of work does, as the use case named it (for logs and errors). */
  readonly name: string;
}

/**
 * Port: the one way a use case changes state. `run(name, work)` opens a unit of work, runs `work`, and
 * writes what it saved, all or nothing: a failure anywhere (in `work` or in the write) leaves no row
 * and no event. A unit of work opened while another runs (an idempotent request's) is part of that one:
 * its writes go out when it ends, and last only if the outer one commits.
 */
export abstract class UnitOfWork {
  abstract run<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
}
