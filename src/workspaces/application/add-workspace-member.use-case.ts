import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class AddWorkspaceMemberUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    userId: string;
    privilege?: WorkspacePrivilege;
  }): Promise<WorkspaceMembership> {
    return this.workspaces.update(input.workspaceId, (workspace) =>
      workspace.addMember(input.actor, input.userId, input.privilege ?? WorkspacePrivilege.MEMBER, new Date()),
    );
  }
}
