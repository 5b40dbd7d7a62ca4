import type { FastifyInstance } from 'fastify';

/** Deeper JSON than any request of this API needs; deeper input would only cost stack and CPU. */
export const MAX_JSON_DEPTH = 32;

/**
 * Bodies are JSON only, parsed by Fastify's own (prototype-poisoning-safe) parser after a check of
 * their nesting depth; any other media type is answered 415, not parsed.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const tooDeepAt = positionPastDepth(String(body), MAX_JSON_DEPTH);
    if (tooDeepAt === undefined) return parse(request, body as string, done);
    // Answered like any other malformed JSON (422 json_invalid, with the position).
    const error = Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels at position ${tooDeepAt}`), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    done(error, undefined);
  });
}

/** Where the text first opens more than `limit` arrays or objects, outside strings; undefined if never. */
export function positionPastDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
