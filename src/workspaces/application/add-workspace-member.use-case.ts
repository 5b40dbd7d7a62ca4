import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import type { Actor } from '../domain/actor.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class AddWorkspaceMemberUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    userId: string;
    privilege?: WorkspacePrivilege;
  }): Promise<WorkspaceMembership> {
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const membership = workspace.addMember(input.actor, input.userId, input.privilege ?? WorkspacePrivilege.MEMBER, now);
      await this.events.record([WorkspaceEvents.memberAdded(membership, input.actor, now)]);
      return membership;
    });
  }
}
