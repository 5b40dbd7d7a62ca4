import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { ownMembership } from './own-membership.js';

/** Revokes one of the actor's own tokens; it fails from the very next request on. */
@Injectable()
export class DeleteAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; tokenId: string }): Promise<void> {
    const membership = await ownMembership(this.workspaces, input.actor, input.workspaceId);
    if (!(await this.tokens.delete(input.tokenId, membership.id))) throw new AccessTokenNotFound();
  }
}
