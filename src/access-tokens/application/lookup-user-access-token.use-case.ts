import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { assertMayManageUserTokens } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** The id of a user token, given its secret, for whoever manages it; the secret is not kept anywhere. */
@Injectable()
export class LookupUserAccessTokenUseCase {
  constructor(private readonly tokens: UserAccessTokenRepository) {}

  /** `secretForms`: the ways the client may have presented the secret (see presentedTokenForms). */
  async execute(input: { actor: Actor; secretForms: readonly string[] }): Promise<string> {
    assertMayManageUserTokens(input.actor);
    const token = await this.tokens.findBySecret(input.secretForms);
    if (!token?.mayBeManagedBy(input.actor)) throw new AccessTokenNotFound();
    return token.id;
  }
}
