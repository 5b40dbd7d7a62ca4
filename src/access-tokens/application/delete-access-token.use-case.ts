import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workspaces/domain/actor.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { manageableToken } from './manageable-token.js';

/** Revokes a token the actor may manage (see manageableToken); it fails from the very next request on. */
@Injectable()
export class DeleteAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; tokenId: string }): Promise<void> {
    const found = await this.tokens.findCredentialById(input.tokenId);
    const token = (await manageableToken(this.workspaces, input.actor, input.workspaceId, found))?.token;
    if (!token || !(await this.tokens.delete(token.id, token.membershipId))) throw new AccessTokenNotFound();
  }
}
