import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { InvalidAccessToken } from '../domain/access-token.errors.js';
import { presentedSecretHash, USER_TOKEN_PREFIX } from '../domain/access-token-secret.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenAuthenticator } from '../domain/access-token-authenticator.js';

/**
 * A workspace access token acts as its member, inside the token's workspace only; a user access token
 * (told apart by its secret's prefix) acts as its user wherever the user is a member.
 */
@Injectable()
export class AuthenticateAccessTokenUseCase extends AccessTokenAuthenticator {
  constructor(
    private readonly tokens: WorkspaceAccessTokenRepository,
    private readonly userTokens: UserAccessTokenRepository,
  ) {
    super();
  }

  async authenticate(forms: readonly string[]): Promise<Actor> {
    const now = new Date();
    const userTokenHash = presentedSecretHash(forms, USER_TOKEN_PREFIX);
    if (userTokenHash !== undefined) {
      const token = await this.userTokens.findByHash(userTokenHash);
      if (!token) throw new InvalidAccessToken('unknown');
      if (token.isExpiredAt(now)) throw new InvalidAccessToken('expired');
      return { userId: token.userId, mayProvisionWorkspaces: false, accessTokenId: token.id };
    }
    const credential = await this.tokens.findCredentialBySecret(forms);
    if (!credential) throw new InvalidAccessToken('unknown');
    if (credential.token.isExpiredAt(now)) throw new InvalidAccessToken('expired');
    return {
      userId: credential.userId,
      mayProvisionWorkspaces: false,
      restrictedToWorkspaceId: credential.workspaceId,
      accessTokenId: credential.token.id,
    };
  }
}
