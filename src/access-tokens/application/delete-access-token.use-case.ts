import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../../workspaces/domain/own-membership.js';
import { MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { manageableToken } from './manageable-token.js';

/**
 * Revokes a token the actor may manage (see manageableToken); it fails from the very next request on.
 * Decided under the workspace's lock: a token revoked (or whose member left) meanwhile is not found.
 */
@Injectable()
export class DeleteAccessTokenUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; tokenId: string }): Promise<void> {
    await this.unitOfWork.run('delete-access-token', async (tx) => {
      const { own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId, () => new MembershipNotFound());
      const credential = await manageableToken(this.workspaces, own, await this.tokens.findCredentialById(input.tokenId));
      if (!credential) throw new AccessTokenNotFound();
      credential.token.revoke(credential, input.actor, new Date());
      this.tokens.save(tx, credential.token);
    });
  }
}
