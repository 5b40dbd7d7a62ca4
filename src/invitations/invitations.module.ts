import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AnswerInvitationUseCase } from './application/answer-invitation.use-case.js';
import { CreateInvitationUseCase } from './application/create-invitation.use-case.js';
import { InvitationEmail } from './application/invitation-email.js';
import { ListOwnInvitationsUseCase } from './application/list-own-invitations.use-case.js';
import { ListWorkspaceInvitationsUseCase } from './application/list-workspace-invitations.use-case.js';
import { RevokeInvitationUseCase } from './application/revoke-invitation.use-case.js';
import { InvitationEmailCounter } from './domain/invitation-email-counter.js';
import { InvitationRepository } from './domain/invitation.repository.js';
import { InvitationsController } from './http/invitations.controller.js';
import { InvitationEmailCountOrmEntity } from './infrastructure/invitation-email-count.orm-entity.js';
import { InvitationEmailCountRetention } from './infrastructure/invitation-email-count-retention.js';
import { InvitationOrmEntity } from './infrastructure/invitation.orm-entity.js';
import { TypeOrmInvitationEmailCounter } from './infrastructure/typeorm-invitation-email-counter.js';
import { TypeOrmInvitationRepository } from './infrastructure/typeorm-invitation.repository.js';

/** This module's tables, for the data source. */
export const invitationOrmEntities = [InvitationOrmEntity, InvitationEmailCountOrmEntity];

/** Invitations by email: invite, list, accept or decline, revoke; the email goes out through the outbox. */
@Module({
  imports: [WorkspacesModule, UsersModule, OutboxModule, EventsModule, TypeOrmModule.forFeature(invitationOrmEntities)],
  controllers: [InvitationsController],
  providers: [
    { provide: InvitationRepository, useClass: TypeOrmInvitationRepository },
    { provide: InvitationEmailCounter, useClass: TypeOrmInvitationEmailCounter },
    InvitationEmailCountRetention,
    InvitationEmail,
    CreateInvitationUseCase,
    ListWorkspaceInvitationsUseCase,
    AnswerInvitationUseCase,
    RevokeInvitationUseCase,
    ListOwnInvitationsUseCase,
  ],
})
export class InvitationsModule {}
