import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EMAIL_TOPIC } from '../../email/email-message.js';
import { Outbox } from '../../outbox/domain/outbox.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../../workspaces/domain/own-membership.js';
import { Workspace } from '../../workspaces/domain/workspace.js';
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
 * email (in the outbox) are written in one unit of work, under the workspace's lock: the duplicate
 * and limit checks hold under concurrency.
 */
@Injectable()
export class CreateInvitationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly email: InvitationEmail,
    private readonly config: AppConfig,
    private readonly emailCounter: InvitationEmailCounter,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; email: string; privilege: WorkspacePrivilege }): Promise<InvitationListing> {
    const now = new Date();
    const { validForDays, pendingLimit, emailsPerAddress, emailsPerUser, emailWindowHours } = this.config.invitations;
    const emailLimits = { perAddress: emailsPerAddress, perSender: emailsPerUser, windowMs: emailWindowHours * 3_600_000 };
    return this.unitOfWork.run('create-invitation', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      Workspace.authorizeAdding(own, input.privilege);
      const invitation = Invitation.create({
        workspaceId: workspace.id,
        email: input.email,
        privilege: input.privilege,
        inviter: input.actor,
        now,
        validForMs: validForDays * DAY_MS,
      });
      for (const userId of await this.users.findIdsByVerifiedMailbox(invitation.emailKey)) {
        if (await this.workspaces.findMembership(workspace.id, userId)) throw new AlreadyMember();
      }

      const open = await this.invitations.findStoredPending(workspace.id, invitation.emailKey);
      if (open?.isPendingAt(now)) throw new AlreadyInvited();
      if (open) {
        open.closeExpired(now);
        this.invitations.save(tx, open);
      }
      if ((await this.invitations.countPending(workspace.id, now)) >= pendingLimit) throw new PendingInvitationLimit(pendingLimit);
      // Last, so that only an invitation that is otherwise made counts; a refusal rolls the count back.
      const counted = await this.emailCounter.count(tx, invitation.emailKey, input.actor.userId, now, emailLimits.windowMs);
      assertWithinEmailLimits(counted, emailLimits, now);

      this.invitations.save(tx, invitation);
      this.outbox.enqueue(tx, EMAIL_TOPIC, await this.email.compose(invitation, workspace.name));
      return { invitation, workspaceName: workspace.name };
    });
  }
}
