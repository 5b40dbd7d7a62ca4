import type { EventPosition } from '../../events/application/event-log.js';

/** The opaque `cursor` of the audit log: the position of the last event of the previous page. */
export const WorkspaceEventCursor = {
  encode(position: EventPosition): string {
    return Buffer.from(`e${position}`).toString('base64url');
  },

  /** Null for anything this service did not hand out (it must encode back to the same cursor). */
  decode(cursor: string): EventPosition | null {
    const match = /^e([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
    const position = match ? Number(match[1]) : null;
    return position !== null && Number.isSafeInteger(position) && this.encode(position) === cursor ? position : null;
  },
};
