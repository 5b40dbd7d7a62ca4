import type { EventPageMark } from '../../events/domain/event-log.js';

/** The opaque `cursor` of the audit log: the event log's mark of where the next page starts. */
export const WorkspaceEventCursor = {
  encode(mark: EventPageMark): string {
    return Buffer.from(`e${mark}`).toString('base64url');
  },

  /** Null for anything this service did not hand out (it must encode back to the same cursor). */
  decode(cursor: string): EventPageMark | null {
    const match = /^e([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
    const mark = match ? Number(match[1]) : null;
    return mark !== null && Number.isSafeInteger(mark) && this.encode(mark) === cursor ? mark : null;
  },
};
