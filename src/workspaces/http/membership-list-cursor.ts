import { isUUID } from 'class-validator';
import type { MembershipPosition } from '../domain/workspace.repository.js';

/** The opaque `cursor` of a paged membership list: where the next page starts. */
export const MembershipListCursor = {
  encode(position: MembershipPosition): string {
    return Buffer.from(JSON.stringify([position.workspaceId, position.joinedMicros, position.membershipId])).toString('base64url');
  },

  /**
   * Null for anything this service did not hand out: a position is accepted only when it has the
   * shape of one (two ids, a whole number of microseconds a timestamp can hold) and encoding it again
   * gives the same cursor, so nothing made up reaches the database.
   */
  decode(cursor: string): MembershipPosition | null {
    try {
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      if (!Array.isArray(decoded) || decoded.length !== 3) return null;
      const [workspaceId, joinedMicros, membershipId] = decoded as unknown[];
      if (typeof workspaceId !== 'string' || !isUUID(workspaceId) || typeof membershipId !== 'string' || !isUUID(membershipId)) return null;
      if (typeof joinedMicros !== 'number' || !Number.isSafeInteger(joinedMicros) || joinedMicros < 0) return null;
      const position = { workspaceId, joinedMicros, membershipId };
      return this.encode(position) === cursor ? position : null;
    } catch {
      return null;
    }
  },
};

/** The response header that carries the next page's cursor (beyond the reference API). */
export const NEXT_CURSOR_HEADER = 'next-cursor';

export const NEXT_CURSOR_RESPONSE_HEADER = {
  'Next-Cursor': {
    description: 'Beyond the reference API, with `limit` or `cursor`: pass as `cursor` to fetch the next page; absent on the last page.',
    schema: { type: 'string' },
  },
} as const;
