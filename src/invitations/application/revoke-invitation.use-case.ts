import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import { InvitationEvents } from '../domain/invitation-events.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationNotFound } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';

/** Withdraws a pending invitation: its inviter, and whoever may add a member of its role. */
@Injectable()
export class RevokeInvitationUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; invitationId: string }): Promise<InvitationListing> {
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const own = workspace.membershipOf(input.actor);
      const invitation = await this.invitations.findInWorkspace(workspace.id, input.invitationId);
      if (!invitation || !InvitationPolicy.mayManage(own, invitation)) throw new InvitationNotFound();
      invitation.revoke(now);
      await this.invitations.save(invitation);
      await this.events.record([InvitationEvents.revoked(invitation, input.actor, now)]);
      return { invitation, workspaceName: workspace.name };
    });
  }
}
