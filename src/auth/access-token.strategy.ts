import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { AuthenticateAccessTokenUseCase } from '../workspaces/application/authenticate-access-token.use-case.js';
import type { CredentialsView } from './authentication.guard.js';
import { credentialsFor } from './authorization-header.js';
import type { Principal } from './principal.js';

/**
 * `Authorization: Basic <base64 of a workspace access token>`, as the reference API's clients send it.
 * The caller is the token's member, acting inside the token's workspace only.
 */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'basic') {
  constructor(private readonly authenticateAccessToken: AuthenticateAccessTokenUseCase) {
    super();
  }

  /** Returns null (try the next strategy) when the request carries no Basic credentials at all. */
  async validate(request: CredentialsView): Promise<Principal | null> {
    const credentials = credentialsFor(request.headers.authorization, 'Basic');
    if (credentials === undefined) return null;
    const credential = await this.authenticateAccessToken.execute(credentials);
    return {
      userId: credential.userId,
      mayProvisionWorkspaces: false,
      restrictedToWorkspaceId: credential.workspaceId,
      authenticatedWith: 'access-token',
      accessTokenId: credential.token.id,
    };
  }
}
