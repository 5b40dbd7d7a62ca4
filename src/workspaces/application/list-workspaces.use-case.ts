import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceRepository, type WorkspaceListPage, type WorkspaceListPosition } from '../domain/workspace.repository.js';

/** The actor's workspaces (only the token's own with an access token), a page at a time. */
@Injectable()
export class ListWorkspacesUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; limit: number; after?: WorkspaceListPosition }): Promise<WorkspaceListPage> {
    return this.workspaces.listWorkspacesOf(input.actor.userId, {
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      after: input.after,
      limit: input.limit,
    });
  }
}
