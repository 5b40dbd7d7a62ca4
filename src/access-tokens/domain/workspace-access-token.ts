import { randomUUID } from 'node:crypto';
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
export class WorkspaceAccessToken {
  private constructor(private readonly props: WorkspaceAccessTokenProps) {}

  /** A new token and its secret; the secret exists only in the return value. */
  static issue(input: { membershipId: string; name: string; expiresAt: Date | null; now: Date }): {
    token: WorkspaceAccessToken;
    secret: string;
  } {
    const secret = newSecret(WORKSPACE_TOKEN_PREFIX);
    const token = new WorkspaceAccessToken({
      id: randomUUID(),
      membershipId: input.membershipId,
      name: input.name,
      hash: hashSecret(secret),
      createdAt: input.now,
      expiresAt: input.expiresAt,
    });
    return { token, secret };
  }

  static restore(props: WorkspaceAccessTokenProps): WorkspaceAccessToken {
    return new WorkspaceAccessToken({ ...props });
  }

  /** Whether a value could be a secret this service issued: nothing else is worth a lookup. */
  static hasSecretShape(value: string): boolean {
    return hasSecretShape(value, WORKSPACE_TOKEN_PREFIX);
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
