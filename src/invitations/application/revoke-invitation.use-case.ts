import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../../workspaces/domain/own-membership.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationNotFound } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';

/** Withdraws a pending invitation: its inviter, and whoever may add a member of its role. */
@Injectable()
export class RevokeInvitationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; invitationId: string }): Promise<InvitationListing> {
    const now = new Date();
    return this.unitOfWork.run('revoke-invitation', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      const invitation = await this.invitations.findInWorkspace(workspace.id, input.invitationId);
      if (!invitation || !InvitationPolicy.mayManage(own, invitation)) throw new InvitationNotFound();
      invitation.revoke(input.actor, now);
      this.invitations.save(tx, invitation);
      return { invitation, workspaceName: workspace.name };
    });
  }
}
