import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import { WorkspaceRepository, type MembershipPosition } from '../domain/workspace.repository.js';
import { membershipBatches, type MembershipBatches } from './membership-batches.js';

/**
 * Memberships of the workspaces the actor belongs to (an access token: of its workspace only),
 * narrowed by the filters: all of them (the contract's answer) or a page (see membershipBatches).
 */
@Injectable()
export class ListWorkspaceMembershipsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: {
    actor: Actor;
    userIds?: string[];
    workspaceIds?: string[];
    withUsers: boolean;
    page?: { after?: MembershipPosition; limit: number };
  }): Promise<MembershipBatches> {
    const query = {
      visibleTo: input.actor.userId,
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      userIds: input.userIds,
      workspaceIds: input.workspaceIds,
    };
    return membershipBatches(this.workspaces, this.users, query, { withUsers: input.withUsers, page: input.page });
  }
}
