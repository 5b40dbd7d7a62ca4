import { Injectable } from '@nestjs/common';
import { mayActIn, type Actor } from '../../workspaces/domain/actor.js';
import type { Workspace } from '../../workspaces/domain/workspace.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationNotFound, NotTheInvitee } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import type { InvitationAnswer } from '../domain/invitation-status.js';
import type { Invitation } from '../domain/invitation.js';
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
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; invitationId: string; answer: InvitationAnswer }): Promise<InvitationListing> {
    const address = inviteeAddress(input.actor);
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const invitation = await this.invitations.findById(input.invitationId);
      if (!invitation || invitation.workspaceId !== workspace.id) throw new InvitationNotFound();
      if (!invitation.isFor(address)) throw mayManage(workspace, input.actor, invitation) ? new NotTheInvitee() : new InvitationNotFound();
      invitation.answer(input.answer, now);
      if (input.answer === 'accept') workspace.admit(input.actor.userId, invitation.privilege, now);
      await this.invitations.save(invitation);
      return { invitation, workspaceName: workspace.name };
    });
  }
}

/** Whether the actor, who is not the invitee, may see this invitation (and so learns why they may not answer it). */
function mayManage(workspace: Workspace, actor: Actor, invitation: Invitation): boolean {
  const own = mayActIn(actor, workspace.id) ? workspace.memberships.find((m) => m.belongsTo(actor.userId)) : undefined;
  return own !== undefined && InvitationPolicy.mayManage(own, invitation);
}
