import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../domain/own-membership.js';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class RenameWorkspaceUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  /** The renamed workspace, with its memberships when asked for (read under the same lock). */
  async execute(input: {
    actor: Actor;
    workspaceId: string;
    name: string;
    withMemberships: boolean;
  }): Promise<{ workspace: Workspace; memberships: readonly WorkspaceMembership[] | null }> {
    const now = new Date();
    return this.unitOfWork.run('rename-workspace', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      workspace.rename(own, input.name, input.actor, now);
      this.workspaces.save(tx, workspace);
      return { workspace, memberships: input.withMemberships ? await this.workspaces.membersOf(workspace.id) : null };
    });
  }
}
