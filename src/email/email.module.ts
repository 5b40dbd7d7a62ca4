import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { EmailDeliverer } from './email.deliverer.js';

/** Delivers the outbox's `email` topic. Features enqueue an EmailMessage; they never send one. */
@Module({
  imports: [OutboxModule],
  providers: [EmailDeliverer],
})
export class EmailModule {}
