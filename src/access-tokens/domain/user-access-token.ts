import { randomUUID } from 'node:crypto';
import type { Actor } from '../../kernel/actor.js';
import { AggregateRoot } from '../../kernel/aggregate-root.js';
import { AccessTokenEvents } from './access-token-events.js';
import { RestrictedCredential } from '../../workspaces/domain/workspace.errors.js';
import { hashSecret, hasSecretShape, newSecret, USER_TOKEN_PREFIX } from './access-token-secret.js';

/**
 * User tokens are managed with user-level credentials (the bearer token, or a user token); a workspace
 * access token reaches one workspace only, so it may not.
 */
export function assertMayManageUserTokens(actor: Actor): void {
  if (actor.restrictedToWorkspaceId !== undefined) throw new RestrictedCredential('manage user access tokens');
}

export interface UserAccessTokenProps {
  id: string;
  /** The user it acts as (the contract's `creatorId`). */
  userId: string;
  name: string;
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
  createdAt: Date;
  /** null: never expires. */
  expiresAt: Date | null;
}

/**
 * A personal access token (the contract's "subject" token): it acts as its user in every workspace
 * the user belongs to, with the user's role there, until it is deleted or expires.
 */
export class UserAccessToken extends AggregateRoot {
  private revoked = false;

  private constructor(
    private readonly props: UserAccessTokenProps,
    isNew: boolean,
  ) {
    super(isNew);
  }

  /** A new token of `actor`'s own user and its secret; the secret exists only in the return value. */
  static issue(input: { name: string; expiresAt: Date | null; now: Date; actor: Actor }): { token: UserAccessToken; secret: string } {
    const secret = newSecret(USER_TOKEN_PREFIX);
    const token = new UserAccessToken(
      {
        id: randomUUID(),
        userId: input.actor.userId,
        name: input.name,
        hash: hashSecret(secret),
        createdAt: input.now,
        expiresAt: input.expiresAt,
      },
      true,
    );
    token.record(AccessTokenEvents.userTokenCreated(token, input.actor));
    return { token, secret };
  }

  static restore(props: UserAccessTokenProps): UserAccessToken {
    return new UserAccessToken({ ...props }, false);
  }

  static hasSecretShape(value: string): boolean {
    return hasSecretShape(value, USER_TOKEN_PREFIX);
  }

  /** Its user manages it (lists, looks up, deletes); so does a caller with the provisioning scope. */
  mayBeManagedBy(actor: Actor): boolean {
    return actor.userId === this.props.userId || actor.mayProvisionWorkspaces;
  }

  /** Deletes the token; it is refused from the next request on. */
  revoke(actor: Actor, now: Date): void {
    this.revoked = true;
    this.record(AccessTokenEvents.userTokenDeleted(this, actor, now));
  }

  get isRevoked(): boolean {
    return this.revoked;
  }

  isExpiredAt(now: Date): boolean {
    return this.props.expiresAt !== null && this.props.expiresAt.getTime() <= now.getTime();
  }

  get id(): string {
    return this.props.id;
  }
  get userId(): string {
    return this.props.userId;
  }
  get name(): string {
    return this.props.name;
  }
  get hash(): string {
    return this.props.hash;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get expiresAt(): Date | null {
    return this.props.expiresAt;
  }
}
