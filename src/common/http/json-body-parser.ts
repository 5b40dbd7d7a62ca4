import type { FastifyInstance } from 'fastify';
import { characterLength } from '../character-length.js';
import { parsePythonJson } from './python-json.js';

/** Deeper JSON than any request of this API needs; deeper input would only cost stack and CPU. */
export const MAX_JSON_DEPTH = 32;

/**
 * Bodies are JSON only, parsed by Fastify's own (prototype-poisoning-safe) parser after a check of
 * their nesting depth; any other media type is answered 415, not parsed. A body that parser refuses is
 * read again as Python's `json` reads it (python-json.ts): `NaN` and `Infinity` are then values (which
 * validation refuses where a number is not expected), and malformed JSON fails at Python's position.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    const tooDeepAt = positionPastDepth(text, MAX_JSON_DEPTH);
    if (tooDeepAt !== undefined) {
      return done(invalidJson(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, characterLength(text.slice(0, tooDeepAt))), undefined);
    }
    void parse(request, text, (error, value) => {
      if (!error || text === '') return done(error, value);
      const python = parsePythonJson(text);
      if (python.ok) done(null, python.value);
      else done(invalidJson(python.message, python.position), undefined);
    });
  });
}

/** Answered 422 `json_invalid` at ["body", position], as the reference API answers malformed JSON. */
function invalidJson(message: string, position: number): Error {
  return Object.assign(new Error(`${message} at position ${position}`), {
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    statusCode: 400,
    position,
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
