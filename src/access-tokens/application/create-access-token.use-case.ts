import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../../workspaces/domain/own-membership.js';
import { MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { AccessTokenLimitReached } from '../domain/access-token.errors.js';
import { assertMayIssueToken } from '../domain/token-issuance.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';

/**
 * A token for the actor's own membership; the secret is returned here and never again. Under the
 * workspace's lock, as every change in a workspace: concurrent creations hold the limit, and a
 * membership removed meanwhile has no token made for it. An outsider gets the tokens' usual 404.
 */
@Injectable()
export class CreateAccessTokenUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; name: string; expiresAt: Date | null }): Promise<{
    token: WorkspaceAccessToken;
    secret: string;
  }> {
    const now = new Date();
    assertMayIssueToken(input.actor, input.expiresAt, now);
    return this.unitOfWork.run('create-access-token', async (tx) => {
      const { own } = await lockAsMember(this.workspaces, tx, input.actor, input.workspaceId, () => new MembershipNotFound());
      const limit = this.config.limits.tokensPerMembership;
      if ((await this.tokens.countByMembership(own.id, limit)) >= limit) throw new AccessTokenLimitReached('workspace', limit);
      const issued = WorkspaceAccessToken.issue({ membership: own, name: input.name, expiresAt: input.expiresAt, now, actor: input.actor });
      this.tokens.save(tx, issued.token);
      return issued;
    });
  }
}
