import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { admitMember } from '../domain/admit-member.js';
import { lockAsMember } from '../domain/own-membership.js';
import { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

@Injectable()
export class AddWorkspaceMemberUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    userId: string;
    privilege?: WorkspacePrivilege;
  }): Promise<WorkspaceMembership> {
    const now = new Date();
    const privilege = input.privilege ?? WorkspacePrivilege.MEMBER;
    return this.unitOfWork.run('add-workspace-member', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId);
      Workspace.authorizeAdding(own, privilege);
      const membership = await admitMember(this.workspaces, workspace, {
        userId: input.userId,
        privilege,
        actor: input.actor,
        now,
        limits: this.config.limits,
      });
      this.workspaces.save(tx, workspace);
      this.workspaces.saveMembership(tx, membership);
      return membership;
    });
  }
}
