import type { RowBatch } from '../../database/row-statements.js';
import type { Transaction } from '../../kernel/unit-of-work.js';

/**
 * Port: the transactional outbox. A message is written in the transaction of the change it announces
 * (so there is no message for a change that rolled back, and no committed change without its
 * message); a dispatcher delivers it afterwards, with retries, through the deliverer of its topic.
 */
export abstract class Outbox {
  /** Stores the message with the unit of work of the change; it is delivered once that commits. */
  abstract enqueue(tx: Transaction, topic: string, payload: object, options?: OutboxMessageOptions): void;

  /** The rows of messages of `topic`, for a writer that stores them in the statement of its change (the events' rows). */
  abstract rows(topic: string, messages: readonly ({ payload: object } & OutboxMessageOptions)[]): RowBatch;

  /** How many messages of each topic wait, and how many were given up on. */
  abstract counts(): Promise<OutboxCounts[]>;
}

export interface OutboxCounts {
  topic: string;
  /** Waiting to be delivered (due or not). */
  pending: number;
  /** Given up on after the last attempt. */
  abandoned: number;
}

/** Port: where the deliverer of a topic registers (the outbox's dispatcher). */
export abstract class OutboxDeliverers {
  abstract register(deliverer: OutboxDeliverer): void;
}

export interface OutboxMessageOptions {
  /**
   * Messages with the same key are delivered one at a time, in the order they were enqueued (by any
   * replica): a later one waits while an earlier one is being delivered or waits for a retry. Such a
   * message is never given up on, since that would break its key's order.
   */
  orderingKey?: string;
}

/** A message as a deliverer receives it. */
export interface OutboxDelivery<P = unknown> {
  id: string;
  topic: string;
  payload: P;
  /** 1 on the first attempt. */
  attempt: number;
  orderingKey: string | null;
}

/**
 * Delivers the messages of one topic (email, events, ...). Throwing means "not delivered": the message
 * is tried again later. A delivery may happen more than once (a replica that stops between sending and
 * recording it), never by two replicas at the same time.
 */
export abstract class OutboxDeliverer {
  abstract readonly topic: string;
  abstract deliver(message: OutboxDelivery): Promise<void>;

  /**
   * False while delivery cannot work at all (its broker is unreachable): the topic's messages then wait
   * without using up attempts, and go out as soon as it is true again.
   */
  isReady(): boolean {
    return true;
  }
}
