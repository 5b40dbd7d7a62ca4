import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { mayActIn, type Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { admitMember } from '../../workspaces/domain/admit-member.js';
import { WorkspaceNotFound } from '../../workspaces/domain/workspace.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationNotFound, NotTheInvitee } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import type { InvitationAnswer } from '../domain/invitation-status.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { inviteeAddress } from '../domain/invitee.js';

/**
 * The invitee (the user whose verified email the invitation went to) accepts or declines a pending
 * invitation. Accepting adds their membership with the invited role in the same unit of work, under
 * the workspace's lock: two concurrent accepts make one membership, the second gets 409.
 */
@Injectable()
export class AnswerInvitationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; invitationId: string; answer: InvitationAnswer }): Promise<InvitationListing> {
    const address = inviteeAddress(input.actor);
    const now = new Date();
    return this.unitOfWork.run('answer-invitation', async (tx) => {
      const workspace = await this.workspaces.lock(tx, input.workspaceId);
      if (!workspace) throw new WorkspaceNotFound();
      const invitation = await this.invitations.findInWorkspace(workspace.id, input.invitationId);
      if (!invitation) throw new InvitationNotFound();
      if (!invitation.isFor(address)) {
        // Someone who may see the invitation learns why they may not answer it; anyone else learns nothing.
        const own = mayActIn(input.actor, workspace.id) ? await this.workspaces.findMembership(workspace.id, input.actor.userId) : null;
        throw own && InvitationPolicy.mayManage(own, invitation) ? new NotTheInvitee() : new InvitationNotFound();
      }
      invitation.answer(input.answer, input.actor, now);
      this.invitations.save(tx, invitation);
      if (input.answer === 'accept') {
        const membership = await admitMember(this.workspaces, workspace, {
          userId: input.actor.userId,
          privilege: invitation.privilege,
          actor: input.actor,
          now,
          limits: this.config.limits,
          invitationId: invitation.id,
        });
        this.workspaces.save(tx, workspace);
        this.workspaces.saveMembership(tx, membership);
      }
      return { invitation, workspaceName: workspace.name };
    });
  }
}
