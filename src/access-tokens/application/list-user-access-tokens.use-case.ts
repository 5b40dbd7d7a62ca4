import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { OtherSubjectNotAllowed } from '../domain/access-token.errors.js';
import type { UserAccessToken } from '../domain/user-access-token.js';
import { assertMayManageUserTokens } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** A user's tokens, oldest first: the actor's own, or (with the provisioning scope) another user's. */
@Injectable()
export class ListUserAccessTokensUseCase {
  constructor(private readonly tokens: UserAccessTokenRepository) {}

  async execute(input: { actor: Actor; subjectId: string | null; skip: number; limit: number }): Promise<UserAccessToken[]> {
    assertMayManageUserTokens(input.actor);
    const subjectId = input.subjectId ?? input.actor.userId;
    if (subjectId !== input.actor.userId && !input.actor.mayProvisionWorkspaces) throw new OtherSubjectNotAllowed();
    return this.tokens.listByUser(subjectId, { skip: input.skip, limit: input.limit });
  }
}
