import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { assertMayManageUserTokens } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** Deletes a user token the actor manages; it is refused from the next request on. Anything else: 404. */
@Injectable()
export class DeleteUserAccessTokenUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tokens: UserAccessTokenRepository,
  ) {}

  async execute(input: { actor: Actor; tokenId: string }): Promise<void> {
    assertMayManageUserTokens(input.actor);
    const found = await this.tokens.findById(input.tokenId);
    if (!found?.mayBeManagedBy(input.actor)) throw new AccessTokenNotFound();
    await this.unitOfWork.run('delete-user-access-token', async (tx) => {
      // Read again under the user's lock: a token deleted meanwhile is not found (and has one event).
      await this.tokens.lockTokensOf(tx, found.userId);
      const token = await this.tokens.findById(input.tokenId);
      if (!token) throw new AccessTokenNotFound();
      token.revoke(input.actor, new Date());
      this.tokens.save(tx, token);
    });
  }
}
