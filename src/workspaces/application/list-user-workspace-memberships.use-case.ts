import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository, type MembershipListing } from '../domain/workspace.repository.js';

/**
 * The deprecated per-user listing: the caller's own memberships (an access token: of its workspace
 * only); another user's only with the provisioning scope, else the outsider's 404.
 */
@Injectable()
export class ListUserWorkspaceMembershipsUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; userId: string }): Promise<MembershipListing[]> {
    const own = input.userId === input.actor.userId;
    if (!own && !input.actor.mayProvisionWorkspaces) throw new MembershipNotFound();
    // Every membership of a user is visible to that user: the listing as they would see it.
    return this.workspaces.listMemberships({
      visibleTo: input.userId,
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      userIds: [input.userId],
    });
  }
}
