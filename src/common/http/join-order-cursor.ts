import { isUUID } from 'class-validator';
/** Position in a list of a user's workspaces in the order they joined them: after `workspaceId`, joined at `joinedAt`. */
export interface JoinOrderPosition {
  joinedAt: Date;
  workspaceId: string;
}

/**
 * The opaque `cursor` of a list of a user's workspaces in join order (GET /api/v1/workspaces, GET
 * /api/v1/authorization/workspaces): where the next page starts.
 */
export const JoinOrderCursor = {
  encode(position: JoinOrderPosition): string {
    return Buffer.from(JSON.stringify([position.joinedAt.toISOString(), position.workspaceId])).toString('base64url');
  },

  /**
   * Null for anything this service did not hand out: a position is accepted only when encoding it
   * again gives the same cursor, so a tampered id or date never reaches the database.
   */
  decode(cursor: string): JoinOrderPosition | null {
    try {
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (!Array.isArray(decoded) || decoded.length !== 2) return null;
      const [joinedAt, workspaceId] = decoded as unknown[];
      // Four-digit years only: PostgreSQL's timestamps do not reach every year JavaScript can write.
      if (typeof joinedAt !== 'string' || !/^\d{4}-/.test(joinedAt) || typeof workspaceId !== 'string' || !isUUID(workspaceId)) return null;
      const position = { joinedAt: new Date(joinedAt), workspaceId };
      return this.encode(position) === cursor ? position : null;
    } catch {
      return null;
    }
  },
};
