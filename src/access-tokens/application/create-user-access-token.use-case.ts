import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { AccessTokenLimitReached } from '../domain/access-token.errors.js';
import { assertMayIssueToken } from '../domain/token-issuance.js';
import { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** A personal token of the actor, made with their bearer token; the secret is returned here and never again. */
@Injectable()
export class CreateUserAccessTokenUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tokens: UserAccessTokenRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; name: string; expiresAt: Date | null }): Promise<{ token: UserAccessToken; secret: string }> {
    const now = new Date();
    assertMayIssueToken(input.actor, input.expiresAt, now);
    const limit = this.config.limits.userTokensPerUser;
    return this.unitOfWork.run('create-user-access-token', async (tx) => {
      await this.tokens.lockTokensOf(tx, input.actor.userId);
      if ((await this.tokens.countByUser(input.actor.userId, limit)) >= limit) throw new AccessTokenLimitReached('user', limit);
      const issued = UserAccessToken.issue({ name: input.name, expiresAt: input.expiresAt, now, actor: input.actor });
      this.tokens.save(tx, issued.token);
      return issued;
    });
  }
}
