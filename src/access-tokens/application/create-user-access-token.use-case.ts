import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { AccessTokenLimitReached } from '../domain/access-token.errors.js';
import { EventLog } from '../../events/application/event-log.js';
import { AccessTokenEvents } from '../domain/access-token-events.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import { assertMayIssueToken } from '../domain/token-issuance.js';
import { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** A personal token of the actor, made with their bearer token; the secret is returned here and never again. */
@Injectable()
export class CreateUserAccessTokenUseCase {
  constructor(
    private readonly tokens: UserAccessTokenRepository,
    private readonly events: EventLog,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; name: string; expiresAt: Date | null }): Promise<{ token: UserAccessToken; secret: string }> {
    const now = new Date();
    assertMayIssueToken(input.actor, input.expiresAt, now);
    const issued = UserAccessToken.issue({ userId: input.actor.userId, name: input.name, expiresAt: input.expiresAt, now });
    const limit = this.config.limits.userTokensPerUser;
    await this.events.recordWith([AccessTokenEvents.userTokenCreated(issued.token, input.actor)], async () => {
      if ((await this.tokens.countByUser(input.actor.userId, limit)) >= limit) throw new AccessTokenLimitReached('user', limit);
      await this.tokens.insert(issued.token);
    });
    return issued;
  }
}
