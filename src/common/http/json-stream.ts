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

/**
 * `body` (a JSON object whose last property is the empty array `property`) with that array's items
 * written batch by batch: the answer of a list of any length, never held at once.
 */
export function jsonStreamWithArray<T>(
  body: object,
  property: string,
  batches: AsyncIterable<readonly T[]>,
  item: (value: T) => unknown,
): StreamableFile {
  const whole = JSON.stringify(body);
  const empty = `${JSON.stringify(property)}:[]}`;
  if (!whole.endsWith(empty)) throw new Error(`jsonStreamWithArray: ${property} must be the body's last property, an empty array`);
  return jsonStream(
    (async function* () {
      let first = true;
      yield whole.slice(0, -2);
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        const items = batch.map((value) => JSON.stringify(item(value))).join(',');
        yield first ? items : `,${items}`;
        first = false;
      }
      yield ']}';
    })(),
  );
}
