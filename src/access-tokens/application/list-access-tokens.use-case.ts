import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { ownMembership } from '../../workspaces/domain/own-membership.js';

/** The actor's own tokens in the workspace. */
@Injectable()
export class ListAccessTokensUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string }): Promise<WorkspaceAccessToken[]> {
    const membership = await ownMembership(this.workspaces, input.actor, input.workspaceId);
    return this.tokens.listByMembership(membership.id);
  }
}
