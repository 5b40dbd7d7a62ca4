import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../domain/own-membership.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/**
 * Deletes the workspace with its memberships and their access tokens. The one change whose cost grows
 * with the workspace: every membership's end is an event.
 */
@Injectable()
export class DeleteWorkspaceUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<void> {
    await this.unitOfWork.run('delete-workspace', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      workspace.delete(own, await this.workspaces.membersOf(workspace.id), input.actor, new Date());
      this.workspaces.save(tx, workspace);
    });
  }
}
