import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/** Deletes the workspace with its memberships and their access tokens. */
@Injectable()
export class DeleteWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<void> {
    await this.workspaces.update(input.workspaceId, (workspace) => workspace.delete(input.actor));
  }
}
