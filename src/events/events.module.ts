import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module.js';
import { EventLog } from './application/event-log.js';
import { EventRecords } from './infrastructure/event-records.js';
import { EventRetention } from './infrastructure/event-retention.js';
import { EventPageMarkKeyOrmEntity } from './infrastructure/event-page-mark-key.orm-entity.js';
import { EventOrmEntity } from './infrastructure/event.orm-entity.js';
import { NatsEventPublisher } from './infrastructure/nats-event-publisher.js';
import { TypeOrmEventLog } from './infrastructure/typeorm-event-log.js';

/** This module's tables, for the data source. */
export const eventOrmEntities = [EventOrmEntity, EventPageMarkKeyOrmEntity];

/**
 * Domain events: features record them through EventLog in the transaction of their change (the audit
 * log); the outbox publishes them to NATS JetStream when NATS_URL is set. Knows no feature.
 */
@Module({
  imports: [OutboxModule, TypeOrmModule.forFeature(eventOrmEntities)],
  providers: [EventRecords, { provide: EventLog, useClass: TypeOrmEventLog }, NatsEventPublisher, EventRetention],
  exports: [EventLog, EventRecords, NatsEventPublisher],
})
export class EventsModule {}
