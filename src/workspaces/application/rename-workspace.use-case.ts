import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import type { Actor } from '../domain/actor.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import type { Workspace } from '../domain/workspace.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class RenameWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; name: string }): Promise<Workspace> {
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const previousName = workspace.name;
      workspace.rename(input.actor, input.name, now);
      await this.events.record([WorkspaceEvents.renamed(workspace, previousName, input.actor, now)]);
      return workspace;
    });
  }
}
