import { Injectable } from '@nestjs/common';
import { mayActIn, type Actor } from '../../kernel/actor.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository, type WorkspaceSummary } from '../domain/workspace.repository.js';

/**
 * A workspace, for any of its members; its memberships only when asked for. Without them the read
 * costs the same whatever the workspace's size: one indexed lookup, no member loaded.
 */
@Injectable()
export class GetWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    withMemberships: boolean;
  }): Promise<{ workspace: WorkspaceSummary; memberships: readonly WorkspaceMembership[] | null }> {
    const workspace = mayActIn(input.actor, input.workspaceId)
      ? await this.workspaces.findSummaryForMember(input.workspaceId, input.actor.userId)
      : null;
    if (!workspace) throw new WorkspaceNotFound();
    return { workspace, memberships: input.withMemberships ? await this.workspaces.membersOf(workspace.id) : null };
  }
}
