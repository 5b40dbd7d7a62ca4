import { Global, Module } from '@nestjs/common';
import { CommittedEvents, EventRows, TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work.js';
import { EventPublishing } from '../kernel/event-publishing.js';
import { UnitOfWork } from '../kernel/unit-of-work.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../outbox/outbox.module.js';
import { EventLog } from './domain/event-log.js';
import { EventRecords } from './infrastructure/event-records.js';
import { EventRetention } from './infrastructure/event-retention.js';
import { EventPageMarkKeyOrmEntity } from './infrastructure/event-page-mark-key.orm-entity.js';
import { EventOrmEntity } from './infrastructure/event.orm-entity.js';
import { NatsEventPublisher } from './infrastructure/nats-event-publisher.js';
import { TypeOrmEventLog } from './infrastructure/typeorm-event-log.js';

/** This module's tables, for the data source. */
export const eventOrmEntities = [EventOrmEntity, EventPageMarkKeyOrmEntity];

/**
 * Domain events and the unit of work that writes them: every feature changes state through
 * UnitOfWork, which stores the aggregates it saved with the rows of their events (the audit log and,
 * when NATS_URL is set, the outbox that publishes them to NATS JetStream). EventLog reads the audit
 * log. Global: every feature writes through it. Knows no feature.
 */
@Global()
@Module({
  imports: [OutboxModule, TypeOrmModule.forFeature(eventOrmEntities)],
  providers: [
    EventRecords,
    { provide: EventRows, useExisting: EventRecords },
    CommittedEvents,
    { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
    { provide: EventLog, useClass: TypeOrmEventLog },
    NatsEventPublisher,
    { provide: EventPublishing, useExisting: NatsEventPublisher },
    EventRetention,
  ],
  exports: [EventLog, UnitOfWork, CommittedEvents, EventPublishing],
})
export class EventsModule {}
