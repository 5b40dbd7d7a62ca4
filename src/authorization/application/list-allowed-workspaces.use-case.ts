import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceRepository, type MemberRolePage, type WorkspaceListPosition } from '../../workspaces/domain/workspace.repository.js';
import { rolesAllowedTo, type WorkspaceAction } from '../domain/workspace-actions.js';
import { subjectOf } from './check-authorizations.use-case.js';

/**
 * The reverse question: in which workspaces may this user do this action, with their role there, in
 * the order they joined them, a page at a time (an index range per role that may, so every page costs
 * the same). The caller's own, or (with the check scope) another user's; a workspace access token
 * asking about itself sees its own workspace only.
 */
@Injectable()
export class ListAllowedWorkspacesUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(input: {
    actor: Actor;
    action: WorkspaceAction;
    userId?: string;
    after?: WorkspaceListPosition;
    limit: number;
  }): Promise<MemberRolePage> {
    const { actor } = input;
    const userId = subjectOf(actor, input.userId, this.config.checkScope);
    return this.workspaces.listRolesOf(userId, {
      privileges: rolesAllowedTo(input.action),
      withinWorkspaceId: userId === actor.userId ? actor.restrictedToWorkspaceId : undefined,
      after: input.after,
      limit: input.limit,
    });
  }
}
