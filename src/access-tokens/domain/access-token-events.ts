import { domainEvent, type DomainEvent } from '../../kernel/domain-event.js';
import type { Actor } from '../../kernel/actor.js';

/** What events say of a token (the tokens record their events with these). */
interface TokenFacts {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
}
type WorkspaceAccessToken = TokenFacts & { readonly membershipId: string };
type UserAccessToken = TokenFacts & { readonly userId: string };

/** Whose workspace access token: the membership it acts as. */
export interface TokenMembership {
  workspaceId: string;
  userId: string;
}

const workspaceTokenData = (token: WorkspaceAccessToken, membership: TokenMembership): Record<string, unknown> => ({
  accessTokenId: token.id,
  kind: 'workspace',
  name: token.name,
  userId: membership.userId,
  membershipId: token.membershipId,
  expiresAt: token.expiresAt?.toISOString() ?? null,
});

const userTokenData = (token: UserAccessToken): Record<string, unknown> => ({
  accessTokenId: token.id,
  kind: 'user',
  name: token.name,
  userId: token.userId,
  expiresAt: token.expiresAt?.toISOString() ?? null,
});

/** The events of both kinds of access token (never the secret or its hash). */
export const AccessTokenEvents = {
  workspaceTokenCreated(token: WorkspaceAccessToken, membership: TokenMembership, actor: Actor): DomainEvent {
    const data = workspaceTokenData(token, membership);
    return domainEvent('access_token.created', { workspaceId: membership.workspaceId, actor, now: token.createdAt, data });
  },

  workspaceTokenDeleted(token: WorkspaceAccessToken, membership: TokenMembership, actor: Actor, now: Date): DomainEvent {
    return domainEvent('access_token.deleted', {
      workspaceId: membership.workspaceId,
      actor,
      now,
      data: workspaceTokenData(token, membership),
    });
  },

  userTokenCreated(token: UserAccessToken, actor: Actor): DomainEvent {
    return domainEvent('access_token.created', { workspaceId: null, actor, now: token.createdAt, data: userTokenData(token) });
  },

  userTokenDeleted(token: UserAccessToken, actor: Actor, now: Date): DomainEvent {
    return domainEvent('access_token.deleted', { workspaceId: null, actor, now, data: userTokenData(token) });
  },
};
