import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Lets secret scanners recognise a leaked token. */
export const ACCESS_TOKEN_PREFIX = 'wsat_';
const SECRET_BYTES = 32;
/** Every secret this service issues has this shape; nothing else is worth a lookup. */
const SECRET_SHAPE = new RegExp(`^${ACCESS_TOKEN_PREFIX}[A-Za-z0-9_-]{${Math.ceil((SECRET_BYTES * 4) / 3)}}$`);

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
  static issue(input: {
    membershipId: string;
    name: string;
    expiresAt: Date | null;
    now: Date;
  }): { token: WorkspaceAccessToken; secret: string } {
    const secret = ACCESS_TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
    const token = new WorkspaceAccessToken({
      id: randomUUID(),
      membershipId: input.membershipId,
      name: input.name,
      hash: WorkspaceAccessToken.hashSecret(secret),
      createdAt: input.now,
      expiresAt: input.expiresAt,
    });
    return { token, secret };
  }

  static restore(props: WorkspaceAccessTokenProps): WorkspaceAccessToken {
    return new WorkspaceAccessToken({ ...props });
  }

  /**
   * The secrets a presented value may stand for: itself, and what it decodes to when it is base64,
   * as in `Authorization: Basic` (the bare token, or `user:token` as `curl -u` sends it).
   */
  static secretCandidates(presented: string): string[] {
    const candidates: string[] = [];
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(presented)) {
      const decoded = Buffer.from(presented, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const token = colon === -1 ? decoded : decoded.slice(colon + 1);
      if (token.length > 0) candidates.push(token);
    }
    if (presented.length > 0 && !candidates.includes(presented)) candidates.push(presented);
    // At most one of them can have the shape of a secret: a presented value costs one lookup at most.
    return candidates.filter((candidate) => SECRET_SHAPE.test(candidate));
  }

  static hashSecret(secret: string): string {
    return createHash('sha256').update(secret, 'utf8').digest('hex');
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
