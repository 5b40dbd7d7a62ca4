import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { ownMembership } from '../../workspaces/domain/own-membership.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { manageableToken } from './manageable-token.js';

/** The id of a token of this workspace, given its secret, for whoever may revoke it (see manageableToken). */
@Injectable()
export class LookupAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  /** `secretForms`: the ways the client may have presented the secret (see presentedTokenForms). */
  async execute(input: { actor: Actor; workspaceId: string; secretForms: readonly string[] }): Promise<string> {
    const own = await ownMembership(this.workspaces, input.actor, input.workspaceId);
    const credential = await manageableToken(this.workspaces, own, await this.tokens.findCredentialBySecret(input.secretForms));
    if (!credential) throw new AccessTokenNotFound();
    return credential.token.id;
  }
}
