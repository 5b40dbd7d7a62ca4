import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

export interface CreateWorkspaceCommand {
  actor: Actor;
  name: string;
  billingAccountEmail: string;
  firstMemberId?: string | null;
}

/** Nothing to lock: the workspace, its owner and its event are one statement, the owner's workspace limit checked in it. */
@Injectable()
export class CreateWorkspaceUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(command: CreateWorkspaceCommand): Promise<{ workspace: Workspace; owner: WorkspaceMembership }> {
    const { workspace, owner } = Workspace.create({
      name: command.name,
      billingAccountEmail: command.billingAccountEmail,
      creator: command.actor,
      firstMemberId: command.firstMemberId,
      now: new Date(),
    });
    return this.unitOfWork.run('create-workspace', async (tx) => {
      this.workspaces.save(tx, workspace);
      this.workspaces.saveMembership(tx, owner, { workspaceLimit: this.config.limits.workspacesPerUser });
      return { workspace, owner };
    });
  }
}
