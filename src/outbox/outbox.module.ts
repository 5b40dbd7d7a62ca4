import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Outbox, OutboxDeliverers } from './domain/outbox.js';
import { OutboxDispatcher } from './infrastructure/outbox-dispatcher.js';
import { OutboxMessageOrmEntity } from './infrastructure/outbox-message.orm-entity.js';
import { TypeOrmOutbox } from './infrastructure/typeorm-outbox.js';

/** This module's tables, for the data source. */
export const outboxOrmEntities = [OutboxMessageOrmEntity];

/**
 * The transactional outbox: features enqueue messages through Outbox; the modules that deliver a
 * topic (email, events) register an OutboxDeliverer with OutboxDeliverers.
 */
@Module({
  imports: [TypeOrmModule.forFeature(outboxOrmEntities)],
  providers: [
    TypeOrmOutbox,
    { provide: Outbox, useExisting: TypeOrmOutbox },
    OutboxDispatcher,
    { provide: OutboxDeliverers, useExisting: OutboxDispatcher },
  ],
  exports: [Outbox, OutboxDeliverers, OutboxDispatcher],
})
export class OutboxModule {}
