import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { Workspace } from '../domain/workspace.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class RenameWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; workspaceId: string; name: string }): Promise<Workspace> {
    return this.workspaces.update(input.workspaceId, (workspace) => {
      workspace.rename(input.actor, input.name, new Date());
      return workspace;
    });
  }
}
