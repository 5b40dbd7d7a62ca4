import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { AppConfig } from '../../config/app-config.js';
import { Metrics } from '../../observability/metrics.js';
import { OutboxDeliverers, type OutboxDeliverer, type OutboxDelivery } from '../domain/outbox.js';
import { TypeOrmOutbox } from './typeorm-outbox.js';

/** Messages claimed per round. */
const BATCH_SIZE = 100;
/** Deliveries a replica makes at the same time (of different ordering keys). */
const DELIVERIES_AT_ONCE = 20;
/**
 * How long a claimed message is reserved for the replica that claimed it. Longer than any delivery
 * may take (deliverers time out well before), so that two replicas never deliver it at the same time.
 */
export const OUTBOX_LEASE_MS = 5 * 60_000;

/**
 * Delivers the outbox: every OUTBOX_POLL_INTERVAL_MS it claims the due messages and hands each to the
 * deliverer of its topic. A failed delivery is tried again with exponential backoff (OUTBOX_RETRY_*),
 * and given up on (kept, marked failed, logged as an error) after OUTBOX_MAX_ATTEMPTS. Deliveries,
 * failures and the backlog are in /metrics.
 */
@Injectable()
export class OutboxDispatcher extends OutboxDeliverers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly deliverers = new Map<string, OutboxDeliverer>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;
  private storeFailing = false;
  private readonly outcomes: Counter<'topic' | 'outcome'>;

  constructor(
    private readonly outbox: TypeOrmOutbox,
    private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    super();
    this.outcomes = new Counter({
      name: 'outbox_deliveries_total',
      help: 'Outbox delivery attempts by topic and outcome (delivered, failed: tried again later, abandoned: given up)',
      labelNames: ['topic', 'outcome'],
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'outbox_messages',
      help: 'Outbox messages by topic and state (pending: not delivered yet, abandoned: given up after the last attempt)',
      labelNames: ['topic', 'state'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const counts = await outbox.counts().catch(() => []);
        for (const { topic, pending, abandoned } of counts) {
          this.set({ topic, state: 'pending' }, pending);
          this.set({ topic, state: 'abandoned' }, abandoned);
        }
      },
    });
  }

  /** Called by each topic's module when it starts; a topic OUTBOX_TOPICS leaves out is not delivered here. */
  register(deliverer: OutboxDeliverer): void {
    const { topics } = this.config.outbox;
    if (topics === undefined || topics.includes(deliverer.topic)) this.deliverers.set(deliverer.topic, deliverer);
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.deliver) this.schedule(0);
  }

  /** Before the database closes: no new round, and the one under way finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** A round of delivery after `delayMs`, and after each round the next. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.drain().finally(() => {
        this.round = undefined;
        this.schedule(this.config.outbox.pollIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        // Only the topics this replica can deliver now: other messages wait for a replica (or a moment) that can.
        const topics = [...this.deliverers.values()].filter((deliverer) => deliverer.isReady()).map((deliverer) => deliverer.topic);
        const batch = await this.outbox.claimDue(topics, BATCH_SIZE, OUTBOX_LEASE_MS);
        await this.deliverBatch(batch);
        if (this.storeFailing) this.logger.log('The outbox is reachable again');
        this.storeFailing = false;
        if (batch.length < BATCH_SIZE || this.stopped) return;
      }
    } catch (error) {
      // The database is down: the messages wait in it; the next round tries again.
      if (!this.storeFailing)
        this.logger.warn(`Cannot read the outbox (${String(error)}); trying again every ${this.config.outbox.pollIntervalMs} ms`);
      this.storeFailing = true;
    }
  }

  /**
   * The messages of one ordering key one after another, in order; up to DELIVERIES_AT_ONCE keys (or
   * messages without a key) side by side. After a failure, the rest of its key's messages wait for that
   * one's retry; when a deliverer stops being ready (its broker went away), its messages wait for it.
   * What was delivered is settled in one statement.
   */
  private async deliverBatch(batch: readonly OutboxDelivery[]): Promise<void> {
    const groups = new Map<string, OutboxDelivery[]>();
    for (const message of batch) {
      const key = message.orderingKey ?? `message:${message.id}`;
      const group = groups.get(key);
      if (group) group.push(message);
      else groups.set(key, [message]);
    }
    const queue = [...groups.values()];
    const delivered: string[] = [];
    const held: string[] = [];
    const deliverGroup = async (messages: OutboxDelivery[]): Promise<void> => {
      for (const [index, message] of messages.entries()) {
        if (!this.deliverers.get(message.topic)!.isReady()) {
          held.push(...messages.slice(index).map((m) => m.id));
          return;
        }
        if (!(await this.deliver(message))) {
          held.push(...messages.slice(index + 1).map((m) => m.id));
          return;
        }
        delivered.push(message.id);
      }
    };
    const worker = async (): Promise<void> => {
      for (let group = queue.shift(); group; group = queue.shift()) await deliverGroup(group);
    };
    await Promise.all(Array.from({ length: Math.min(DELIVERIES_AT_ONCE, queue.length) }, worker));
    await this.outbox.delivered(delivered);
    await this.outbox.release(held);
  }

  /** True when delivered; a failure is recorded for a retry (or given up on). */
  private async deliver(message: OutboxDelivery): Promise<boolean> {
    try {
      await this.deliverers.get(message.topic)!.deliver(message);
    } catch (error) {
      await this.failed(message, error instanceof Error ? error.message : String(error));
      return false;
    }
    this.outcomes.inc({ topic: message.topic, outcome: 'delivered' });
    return true;
  }

  private async failed(message: OutboxDelivery, error: string): Promise<void> {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.outbox;
    const what = `Outbox message ${message.id} (${message.topic}), attempt ${message.attempt}: ${error}`;
    // A message with an ordering key is never given up on: the later ones of its key would overtake it.
    if (message.attempt >= maxAttempts && message.orderingKey === null) {
      this.outcomes.inc({ topic: message.topic, outcome: 'abandoned' });
      this.logger.error(`${what}; given up after ${maxAttempts} attempts`);
      await this.outbox.abandon(message.id, error);
      return;
    }
    const delayMs = Math.min(retryMaxMs, retryBaseMs * 2 ** (message.attempt - 1));
    this.outcomes.inc({ topic: message.topic, outcome: 'failed' });
    this.logger.warn(`${what}; trying again in ${delayMs} ms`);
    await this.outbox.retryLater(message.id, delayMs, error);
  }
}
