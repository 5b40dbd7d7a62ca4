import { randomUUID } from 'node:crypto';
import type { Actor } from '../../kernel/actor.js';
import { AggregateRoot } from '../../kernel/aggregate-root.js';
import { AccessTokenEvents, type TokenMembership } from './access-token-events.js';
import { hashSecret, hasSecretShape, newSecret, WORKSPACE_TOKEN_PREFIX } from './access-token-secret.js';

export interface WorkspaceAccessTokenProps {
  id: string;
  membershipId: string;
  name: string;
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
  createdAt: Date;
  /** null: never expires. */
  expiresAt: Date | null;
}

/** A credential that acts as one workspace membership. */
export class WorkspaceAccessToken extends AggregateRoot {
  private revoked = false;

  private constructor(
    private readonly props: WorkspaceAccessTokenProps,
    isNew: boolean,
  ) {
    super(isNew);
  }

  /**
   * A new token and its secret, issued by `actor` for the membership; the secret exists only in the
   * return value.
   */
  static issue(input: { membership: TokenMembership & { id: string }; name: string; expiresAt: Date | null; now: Date; actor: Actor }): {
    token: WorkspaceAccessToken;
    secret: string;
  } {
    const secret = newSecret(WORKSPACE_TOKEN_PREFIX);
    const token = new WorkspaceAccessToken(
      {
        id: randomUUID(),
        membershipId: input.membership.id,
        name: input.name,
        hash: hashSecret(secret),
        createdAt: input.now,
        expiresAt: input.expiresAt,
      },
      true,
    );
    token.record(AccessTokenEvents.workspaceTokenCreated(token, input.membership, input.actor));
    return { token, secret };
  }

  static restore(props: WorkspaceAccessTokenProps): WorkspaceAccessToken {
    return new WorkspaceAccessToken({ ...props }, false);
  }

  /** Whether a value could be a secret this service issued: nothing else is worth a lookup. */
  static hasSecretShape(value: string): boolean {
    return hasSecretShape(value, WORKSPACE_TOKEN_PREFIX);
  }

  /** Revokes the token of `membership` (whose it is); it fails from the very next request on. */
  revoke(membership: TokenMembership, actor: Actor, now: Date): void {
    this.revoked = true;
    this.record(AccessTokenEvents.workspaceTokenDeleted(this, membership, actor, now));
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
  get membershipId(): string {
    return this.props.membershipId;
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
