import type { WorkspaceListPosition } from '../domain/workspace.repository.js';

/** The opaque `cursor` of the workspace list: where the next page starts. */
export const WorkspaceListCursor = {
  encode(position: WorkspaceListPosition): string {
    return Buffer.from(JSON.stringify([position.joinedAt.toISOString(), position.workspaceId])).toString('base64url');
  },

  /** Null for anything this service did not hand out. */
  decode(cursor: string): WorkspaceListPosition | null {
    try {
      const [joinedAt, workspaceId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      const date = typeof joinedAt === 'string' ? new Date(joinedAt) : undefined;
      if (!date || Number.isNaN(date.getTime()) || typeof workspaceId !== 'string' || !/^[0-9a-f-]{36}$/i.test(workspaceId)) return null;
      return { joinedAt: date, workspaceId };
    } catch {
      return null;
    }
  },
};
