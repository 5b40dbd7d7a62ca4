import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EMAIL_TOPIC } from '../../email/email-message.js';
import { EventLog } from '../../events/application/event-log.js';
import { InvitationEvents } from '../domain/invitation-events.js';
import { Outbox } from '../../outbox/application/outbox.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import type { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { AlreadyInvited, AlreadyMember, PendingInvitationLimit } from '../domain/invitation.errors.js';
import { Invitation } from '../domain/invitation.js';
import { assertWithinEmailLimits, InvitationEmailCounter } from '../domain/invitation-email-counter.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { InvitationEmail } from './invitation-email.js';

const DAY_MS = 86_400_000;

/**
 * Invites an address with one role, by whoever may add a member of that role. The invitation and its
 * email (in the outbox) are written in one transaction, under the workspace's exclusion: the duplicate
 * and limit checks hold under concurrency.
 */
@Injectable()
export class CreateInvitationUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly email: InvitationEmail,
    private readonly config: AppConfig,
    private readonly events: EventLog,
    private readonly emailCounter: InvitationEmailCounter,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; email: string; privilege: WorkspacePrivilege }): Promise<InvitationListing> {
    const now = new Date();
    const { validForDays, pendingLimit, emailsPerAddress, emailsPerUser, emailWindowHours } = this.config.invitations;
    const emailLimits = { perAddress: emailsPerAddress, perSender: emailsPerUser, windowMs: emailWindowHours * 3_600_000 };
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      workspace.authorizeAdding(input.actor, input.privilege);
      const invitation = Invitation.create({
        workspaceId: workspace.id,
        email: input.email,
        privilege: input.privilege,
        inviterId: input.actor.userId,
        now,
        validForMs: validForDays * DAY_MS,
      });
      const owners = await this.users.findIdsByVerifiedMailbox(invitation.emailKey);
      if (owners.some((userId) => workspace.hasMember(userId))) throw new AlreadyMember();

      const open = await this.invitations.findStoredPending(workspace.id, invitation.emailKey);
      if (open?.isPendingAt(now)) throw new AlreadyInvited();
      if (open) {
        open.closeExpired(now);
        await this.invitations.save(open);
      }
      if ((await this.invitations.countPending(workspace.id, now)) >= pendingLimit) throw new PendingInvitationLimit(pendingLimit);
      // Last, so that only an invitation that is otherwise made counts; a refusal rolls the count back.
      const counted = await this.emailCounter.count(invitation.emailKey, input.actor.userId, now, emailLimits.windowMs);
      assertWithinEmailLimits(counted, emailLimits, now);

      await this.invitations.insert(invitation);
      await this.events.record([InvitationEvents.created(invitation, input.actor)]);
      await this.outbox.enqueue(EMAIL_TOPIC, await this.email.compose(invitation, workspace.name));
      return { invitation, workspaceName: workspace.name };
    });
  }
}
