import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { findCredential } from './authenticate-access-token.use-case.js';
import { ownMembership } from './own-membership.js';

/** The id of a token of this workspace, given its secret (raw or base64), for a member of the workspace. */
@Injectable()
export class LookupAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; accessToken: string }): Promise<string> {
    await ownMembership(this.workspaces, input.actor, input.workspaceId);
    const credential = await findCredential(this.tokens, input.accessToken);
    if (!credential || credential.workspaceId !== input.workspaceId) throw new AccessTokenNotFound();
    return credential.token.id;
  }
}
