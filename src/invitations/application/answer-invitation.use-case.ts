import { AppConfig } from '../../config/app-config.js';
import { assertRoomToAdmit } from '../../workspaces/domain/membership-limits.js';
import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import { WorkspaceEvents } from '../../workspaces/domain/workspace-events.js';
import { InvitationEvents } from '../domain/invitation-events.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationNotFound, NotTheInvitee } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import type { InvitationAnswer } from '../domain/invitation-status.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { inviteeAddress } from '../domain/invitee.js';

/**
 * The invitee (the user whose verified email the invitation went to) accepts or declines a pending
 * invitation. Accepting adds their membership with the invited role in the same transaction, under the
 * workspace's exclusion: two concurrent accepts make one membership, the second gets 409.
 */
@Injectable()
export class AnswerInvitationUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
    private readonly events: EventLog,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; invitationId: string; answer: InvitationAnswer }): Promise<InvitationListing> {
    const address = inviteeAddress(input.actor);
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const invitation = await this.invitations.findInWorkspace(workspace.id, input.invitationId);
      if (!invitation) throw new InvitationNotFound();
      if (!invitation.isFor(address)) {
        // Someone who may see the invitation learns why they may not answer it; anyone else learns nothing.
        const own = workspace.findMembershipOf(input.actor);
        throw own && InvitationPolicy.mayManage(own, invitation) ? new NotTheInvitee() : new InvitationNotFound();
      }
      invitation.answer(input.answer, now);
      const events = [InvitationEvents.answered(invitation, input.answer, input.actor, now)];
      if (input.answer === 'accept') {
        await assertRoomToAdmit(workspace, input.actor.userId, this.workspaces, this.config.limits);
        const membership = workspace.admit(input.actor.userId, invitation.privilege, now);
        events.push(WorkspaceEvents.memberAdded(membership, input.actor, now, invitation.id));
      }
      await this.invitations.save(invitation);
      await this.events.record(events);
      return { invitation, workspaceName: workspace.name };
    });
  }
}
