import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { Workspace } from '../domain/workspace.js';
import { WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class GetWorkspaceUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<Workspace> {
    const workspace = await this.workspaces.findById(input.workspaceId);
    if (!workspace) throw new WorkspaceNotFound();
    workspace.membershipOf(input.actor);
    return workspace;
  }
}
