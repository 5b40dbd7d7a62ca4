import { Injectable } from '@nestjs/common';
import { mayActIn, type Actor } from '../../kernel/actor.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import { WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository, type MembershipPosition, type WorkspaceSummary } from '../domain/workspace.repository.js';
import { membershipBatches, type MembershipBatches } from './membership-batches.js';

/**
 * A workspace, for any of its members; its memberships only when asked for (all of them, batch by
 * batch, or a page). Without them the read costs the same whatever the workspace's size: one indexed
 * lookup, no member loaded.
 */
@Injectable()
export class GetWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    withMemberships: boolean;
    page?: { after?: MembershipPosition; limit: number };
  }): Promise<{ workspace: WorkspaceSummary; memberships: MembershipBatches | null }> {
    const workspace = mayActIn(input.actor, input.workspaceId)
      ? await this.workspaces.findSummaryForMember(input.workspaceId, input.actor.userId)
      : null;
    if (!workspace) throw new WorkspaceNotFound();
    if (!input.withMemberships) return { workspace, memberships: null };
    const query = { visibleTo: input.actor.userId, withinWorkspaceId: workspace.id };
    return { workspace, memberships: await membershipBatches(this.workspaces, this.users, query, { withUsers: false, page: input.page }) };
  }
}
