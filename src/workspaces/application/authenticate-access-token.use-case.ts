import { Injectable } from '@nestjs/common';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository, type AccessTokenCredential } from '../domain/workspace-access-token.repository.js';
import { InvalidAccessToken } from '../domain/workspace.errors.js';

/** Resolves a presented token secret to the membership it acts as, or refuses it. */
@Injectable()
export class AuthenticateAccessTokenUseCase {
  constructor(private readonly tokens: WorkspaceAccessTokenRepository) {}

  async execute(secret: string): Promise<AccessTokenCredential> {
    const credential = await this.tokens.findCredentialByHash(WorkspaceAccessToken.hashSecret(secret));
    if (!credential) throw new InvalidAccessToken('unknown');
    if (credential.token.isExpiredAt(new Date())) throw new InvalidAccessToken('expired');
    return credential;
  }
}
