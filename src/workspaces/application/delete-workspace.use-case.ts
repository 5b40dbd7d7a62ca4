import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import type { Actor } from '../domain/actor.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/** Deletes the workspace with its memberships and their access tokens. */
@Injectable()
export class DeleteWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<void> {
    await this.workspaces.update(input.workspaceId, async (workspace) => {
      workspace.delete(input.actor);
      await this.events.record(WorkspaceEvents.deleted(workspace, input.actor, new Date()));
    });
  }
}
