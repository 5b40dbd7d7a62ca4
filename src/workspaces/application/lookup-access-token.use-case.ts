import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { findCredential } from './authenticate-access-token.use-case.js';
import { manageableToken } from './manageable-token.js';

/** The id of a token of this workspace, given its secret (raw or base64), for whoever may revoke it (see manageableToken). */
@Injectable()
export class LookupAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; accessToken: string }): Promise<string> {
    const found = await findCredential(this.tokens, input.accessToken);
    const credential = await manageableToken(this.workspaces, input.actor, input.workspaceId, found);
    if (!credential) throw new AccessTokenNotFound();
    return credential.token.id;
  }
}
