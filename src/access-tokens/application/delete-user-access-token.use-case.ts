import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import { AccessTokenEvents } from '../domain/access-token-events.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { assertMayManageUserTokens } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** Deletes a user token the actor manages; it is refused from the next request on. Anything else: 404. */
@Injectable()
export class DeleteUserAccessTokenUseCase {
  constructor(
    private readonly tokens: UserAccessTokenRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; tokenId: string }): Promise<void> {
    assertMayManageUserTokens(input.actor);
    const token = await this.tokens.findById(input.tokenId);
    if (!token?.mayBeManagedBy(input.actor)) throw new AccessTokenNotFound();
    await this.events.recordWith([AccessTokenEvents.userTokenDeleted(token, input.actor, new Date())], async () => {
      if (!(await this.tokens.delete(token.id))) throw new AccessTokenNotFound();
    });
  }
}
