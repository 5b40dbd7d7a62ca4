import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../domain/actor.js';
import { Workspace } from '../domain/workspace.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

export interface CreateWorkspaceCommand {
  actor: Actor;
  name: string;
  billingAccountEmail: string;
  firstMemberId?: string | null;
}

@Injectable()
export class CreateWorkspaceUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(command: CreateWorkspaceCommand): Promise<Workspace> {
    const workspace = Workspace.create({
      name: command.name,
      billingAccountEmail: command.billingAccountEmail,
      creator: command.actor,
      firstMemberId: command.firstMemberId,
      now: new Date(),
    });
    await this.workspaces.insert(workspace, [WorkspaceEvents.created(workspace, command.actor)], {
      ownerWorkspaceLimit: this.config.limits.workspacesPerUser,
    });
    return workspace;
  }
}
