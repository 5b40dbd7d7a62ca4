import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import { Gauge } from 'prom-client';
import { AppConfig } from '../../config/app-config.js';
import { Metrics } from '../../observability/metrics.js';
import { EventPublishing, type EventPublishingStatus } from '../../kernel/event-publishing.js';
import { Outbox, OutboxDeliverer, OutboxDeliverers, type OutboxDelivery } from '../../outbox/domain/outbox.js';
import { EVENT_TOPIC, type EventMessage } from './cloud-event.js';

/** Between attempts to reach NATS before the first connection (afterwards the client reconnects by itself). */
const CONNECT_RETRY_MS = 1_000;
/** Bounds on one publish (JetStream's acknowledgement), well within the outbox's lease. */
const PUBLISH_TIMEOUT_MS = 5_000;
/** JetStream drops a message whose Nats-Msg-Id it has seen within this window (a retry after a lost acknowledgement). */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
const ERROR_MAX_LENGTH = 200;

/**
 * Publishes the outbox's events to NATS JetStream (NATS_URL): CloudEvents JSON to their subject, the
 * event id as Nats-Msg-Id. The stream is created when missing. While NATS is unreachable the events
 * wait in the outbox (the dispatcher does not claim them) and go out, in order, once it is back.
 */
@Injectable()
export class NatsEventPublisher
  extends OutboxDeliverer
  implements EventPublishing, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  readonly topic = EVENT_TOPIC;
  private readonly logger = new Logger('Events');
  private connection?: NatsConnection;
  private client?: JetStreamClient;
  private connected = false;
  /** The stream's check (and creation), shared by the deliveries that run side by side; forgotten after a failure. */
  private stream?: Promise<void>;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private lastError: EventPublishingStatus['lastError'] = null;
  private readonly lastErrorGauge: Gauge<'error'>;

  constructor(
    private readonly config: AppConfig,
    private readonly dispatcher: OutboxDeliverers,
    private readonly outbox: Outbox,
    metrics: Metrics,
  ) {
    super();
    const status = (): EventPublishingStatus => this.status();
    new Gauge({
      name: 'events_publisher_connected',
      help: 'Whether this replica is connected to NATS to publish events (0 also when NATS_URL is not set)',
      registers: [metrics.registry],
      collect() {
        this.set(status().connected ? 1 : 0);
      },
    });
    this.lastErrorGauge = new Gauge({
      name: 'events_last_publish_error_timestamp_seconds',
      help: 'When the last attempt to publish events failed, labelled with its error (absent: none since start)',
      labelNames: ['error'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.events.natsUrl === undefined) return;
    this.dispatcher.register(this);
    void this.connect();
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /** After every beforeApplicationShutdown, so after the dispatcher's last round: its publishes are acknowledged. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }

  override isReady(): boolean {
    return this.connected;
  }

  status(): EventPublishingStatus {
    return { enabled: this.config.events.natsUrl !== undefined, connected: this.connected, lastError: this.lastError };
  }

  /** The status with the backlog: events recorded and not published yet (by any replica). */
  async report(): Promise<EventPublishingStatus & { backlog: number }> {
    const counts = await this.outbox.counts();
    return { ...this.status(), backlog: counts.find((count) => count.topic === EVENT_TOPIC)?.pending ?? 0 };
  }

  async deliver({ payload }: OutboxDelivery): Promise<void> {
    const { subject, event } = payload as EventMessage;
    try {
      await this.ensureStream();
      const messageHeaders = headers();
      messageHeaders.set('Content-Type', 'application/cloudevents+json; charset=utf-8');
      await this.client!.publish(subject, JSON.stringify(event), { msgID: event.id, headers: messageHeaders, timeout: PUBLISH_TIMEOUT_MS });
    } catch (error) {
      // The stream may have gone (deleted, or a new server): look for it again before the next publish.
      this.stream = undefined;
      this.failed(error);
      throw error;
    }
  }

  /** Connects, trying again every second until it works or the service stops. */
  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const connection = await connect({
        servers: this.config.events.natsUrl!,
        name: 'workspaces-service',
        reconnect: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: CONNECT_RETRY_MS,
      });
      if (this.stopped) {
        await connection.close();
        return;
      }
      this.connection = connection;
      this.client = jetstream(connection);
      this.connected = true;
      this.logger.log(`Connected to NATS at ${connection.getServer()}: publishing events`);
      void this.watch(connection);
    } catch (error) {
      this.failed(error);
      this.retryTimer = setTimeout(() => void this.connect(), CONNECT_RETRY_MS);
      this.retryTimer.unref();
    }
  }

  /** Follows the connection: publishing pauses while it is down. */
  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.failed(new Error(`Disconnected from NATS at ${status.server}`));
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.stream = undefined;
        this.logger.log(`Reconnected to NATS at ${status.server}`);
      }
    }
    this.connected = false;
  }

  private ensureStream(): Promise<void> {
    this.stream ??= this.findOrCreateStream();
    return this.stream;
  }

  private async findOrCreateStream(): Promise<void> {
    const { streamName, subjectPrefix, streamMaxAgeDays } = this.config.events;
    const manager = await jetstreamManager(this.connection!, { timeout: PUBLISH_TIMEOUT_MS });
    try {
      await manager.streams.info(streamName);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error;
      await manager.streams.add({
        name: streamName,
        subjects: [`${subjectPrefix}.>`],
        max_age: nanos(streamMaxAgeDays * 86_400_000),
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      });
      this.logger.log(`Created the JetStream stream ${streamName} for ${subjectPrefix}.>`);
    }
  }

  private failed(error: unknown): void {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_LENGTH);
    const at = new Date();
    if (this.lastError?.message !== message) this.logger.warn(`Cannot publish events: ${message}`);
    this.lastError = { message, at: at.toISOString() };
    this.lastErrorGauge.reset();
    this.lastErrorGauge.set({ error: message }, at.getTime() / 1000);
  }
}
