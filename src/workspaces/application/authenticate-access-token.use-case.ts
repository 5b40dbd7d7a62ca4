import { Injectable } from '@nestjs/common';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository, type AccessTokenCredential } from '../domain/workspace-access-token.repository.js';
import { InvalidAccessToken } from '../domain/workspace.errors.js';

/** Resolves a presented token (raw or base64, as in `Authorization: Basic`) to the membership it acts as. */
@Injectable()
export class AuthenticateAccessTokenUseCase {
  constructor(private readonly tokens: WorkspaceAccessTokenRepository) {}

  async execute(presented: string): Promise<AccessTokenCredential> {
    const credential = await findCredential(this.tokens, presented);
    if (!credential) throw new InvalidAccessToken('unknown');
    if (credential.token.isExpiredAt(new Date())) throw new InvalidAccessToken('expired');
    return credential;
  }
}

/** The token a presented value stands for, trying the decoded form first (what clients send). */
export async function findCredential(
  tokens: WorkspaceAccessTokenRepository,
  presented: string,
): Promise<AccessTokenCredential | null> {
  for (const secret of WorkspaceAccessToken.secretCandidates(presented)) {
    const credential = await tokens.findCredentialByHash(WorkspaceAccessToken.hashSecret(secret));
    if (credential) return credential;
  }
  return null;
}
