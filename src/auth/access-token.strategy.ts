import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthenticateAccessTokenUseCase } from '../workspaces/application/authenticate-access-token.use-case.js';
import { InvalidAccessToken } from '../workspaces/domain/workspace.errors.js';
import { accessTokenFromBasic, credentialsFor } from './authorization-header.js';
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
  async validate(request: FastifyRequest): Promise<Principal | null> {
    const credentials = credentialsFor(request.headers.authorization, 'Basic');
    if (credentials === undefined) return null;
    const secret = accessTokenFromBasic(credentials);
    if (secret === undefined) throw new InvalidAccessToken('unknown');
    const credential = await this.authenticateAccessToken.execute(secret);
    return {
      userId: credential.userId,
      mayProvisionWorkspaces: false,
      authenticatedWith: 'access-token',
      accessToken: { id: credential.token.id, workspaceId: credential.workspaceId },
    };
  }
}
