import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workspaces/domain/actor.js';
import { InvalidAccessToken } from '../domain/access-token.errors.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenAuthenticator } from './access-token-authenticator.js';

/** A workspace access token acts as its member, inside the token's workspace only. */
@Injectable()
export class AuthenticateAccessTokenUseCase extends AccessTokenAuthenticator {
  constructor(private readonly tokens: WorkspaceAccessTokenRepository) {
    super();
  }

  async authenticate(forms: readonly string[]): Promise<Actor> {
    const credential = await this.tokens.findCredentialBySecret(forms);
    if (!credential) throw new InvalidAccessToken('unknown');
    if (credential.token.isExpiredAt(new Date())) throw new InvalidAccessToken('expired');
    return { userId: credential.userId, mayProvisionWorkspaces: false, restrictedToWorkspaceId: credential.workspaceId };
  }
}
