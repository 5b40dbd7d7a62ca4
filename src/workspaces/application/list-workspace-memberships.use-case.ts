import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../users/domain/user.repository.js';
import type { Actor } from '../domain/actor.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import type { ListedMembership } from './listed-membership.js';

/** Memberships of the workspaces the actor belongs to, narrowed by the filters. */
@Injectable()
export class ListWorkspaceMembershipsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: { actor: Actor; userIds?: string[]; workspaceIds?: string[]; withUsers: boolean }): Promise<ListedMembership[]> {
    const listings = await this.workspaces.listMemberships({
      visibleTo: input.actor.userId,
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      userIds: input.userIds,
      workspaceIds: input.workspaceIds,
    });
    if (!input.withUsers) return listings;
    const users = new Map(
      (await this.users.findByIds([...new Set(listings.map((l) => l.membership.userId))])).map((user) => [user.id, user]),
    );
    return listings.map((listing) => ({ ...listing, user: users.get(listing.membership.userId) }));
  }
}
