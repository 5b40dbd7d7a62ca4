import { Injectable } from '@nestjs/common';
import { mayActIn, type Actor } from '../../workspaces/domain/actor.js';
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
    const own = mayActIn(input.actor, input.workspaceId)
      ? await this.workspaces.findMembership(input.workspaceId, input.actor.userId)
      : null;
    if (!own) throw new WorkspaceNotFound();
    if (!InvitationPolicy.mayList(own.privilege)) throw new InvitationsNotVisible();
    const listings = await this.invitations.listByWorkspace(input.workspaceId);
    return listings.filter(({ invitation }) => InvitationPolicy.mayManage(own, invitation));
  }
}
