import { Injectable } from '@nestjs/common';
import { mayCreateCredentialsAndWorkspaces, type Actor } from '../../workspaces/domain/actor.js';
import { RestrictedCredential } from '../../workspaces/domain/workspace.errors.js';
import { InvalidExpiry } from '../domain/access-token.errors.js';
import { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

/** A personal token of the actor, made with their bearer token; the secret is returned here and never again. */
@Injectable()
export class CreateUserAccessTokenUseCase {
  constructor(private readonly tokens: UserAccessTokenRepository) {}

  async execute(input: { actor: Actor; name: string; expiresAt: Date | null }): Promise<{ token: UserAccessToken; secret: string }> {
    if (!mayCreateCredentialsAndWorkspaces(input.actor)) throw new RestrictedCredential('create access tokens');
    const now = new Date();
    if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw new InvalidExpiry();
    const issued = UserAccessToken.issue({ userId: input.actor.userId, name: input.name, expiresAt: input.expiresAt, now });
    await this.tokens.insert(issued.token);
    return issued;
  }
}
