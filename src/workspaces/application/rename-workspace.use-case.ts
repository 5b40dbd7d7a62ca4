import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../domain/own-membership.js';
import type { Workspace } from '../domain/workspace.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import { membershipBatches, type MembershipBatches } from './membership-batches.js';

@Injectable()
export class RenameWorkspaceUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  /** The renamed workspace, with its memberships when asked for (read batch by batch once it is renamed). */
  async execute(input: {
    actor: Actor;
    workspaceId: string;
    name: string;
    withMemberships: boolean;
  }): Promise<{ workspace: Workspace; memberships: MembershipBatches | null }> {
    const now = new Date();
    const workspace = await this.unitOfWork.run('rename-workspace', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      workspace.rename(own, input.name, input.actor, now);
      this.workspaces.save(tx, workspace);
      return workspace;
    });
    if (!input.withMemberships) return { workspace, memberships: null };
    const query = { visibleTo: input.actor.userId, withinWorkspaceId: workspace.id };
    return { workspace, memberships: await membershipBatches(this.workspaces, this.users, query, { withUsers: false }) };
  }
}
