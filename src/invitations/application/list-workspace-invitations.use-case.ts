import { Injectable } from '@nestjs/common';
import { ownMembership } from '../../workspaces/domain/own-membership.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceNotFound } from '../../workspaces/domain/workspace.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { InvitationsNotVisible } from '../domain/invitation.errors.js';
import { InvitationPolicy } from '../domain/invitation-policy.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';

/** The workspace's invitations, newest first, in every status: those the actor may manage. Members: 403. */
@Injectable()
export class ListWorkspaceInvitationsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly invitations: InvitationRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<InvitationListing[]> {
    const own = await ownMembership(this.workspaces, input.actor, input.workspaceId, () => new WorkspaceNotFound());
    if (!InvitationPolicy.mayList(own.privilege)) throw new InvitationsNotVisible();
    const listings = await this.invitations.listByWorkspace(input.workspaceId);
    return listings.filter(({ invitation }) => InvitationPolicy.mayManage(own, invitation));
  }
}
