import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';

/**
 * A JSON answer written piece by piece, for a route whose answer may be too large to hold at once: the
 * handler returns it and Nest sends it as it is produced. A failure after the first piece cuts the
 * connection (StreamableFile's handling), so a client never takes a truncated body for a whole one.
 */
export function jsonStream(pieces: AsyncIterable<string>): StreamableFile {
  const bytes = (async function* () {
    for await (const piece of pieces) yield Buffer.from(piece, 'utf8');
  })();
  return new StreamableFile(Readable.from(bytes, { objectMode: false }), { type: 'application/json; charset=utf-8' });
}
