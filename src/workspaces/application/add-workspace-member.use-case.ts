import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EventLog } from '../../events/application/event-log.js';
import { assertRoomToAdmit } from '../domain/membership-limits.js';
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
    private readonly config: AppConfig,
  ) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    userId: string;
    privilege?: WorkspacePrivilege;
  }): Promise<WorkspaceMembership> {
    const now = new Date();
    return this.workspaces.update(input.workspaceId, async (workspace) => {
      const privilege = input.privilege ?? WorkspacePrivilege.MEMBER;
      workspace.authorizeAdding(input.actor, privilege);
      await assertRoomToAdmit(workspace, input.userId, this.workspaces, this.config.limits);
      const membership = workspace.admit(input.userId, privilege, now);
      await this.events.record([WorkspaceEvents.memberAdded(membership, input.actor, now)]);
      return membership;
    });
  }
}
