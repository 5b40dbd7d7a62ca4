import { characterLength } from '../character-length.js';

/**
 * JSON as the reference API reads it (Python's `json` module): `NaN`, `Infinity` and `-Infinity` are
 * numbers, and a malformed document fails at the position Python reports, counted in characters (code
 * points). Used only when JSON.parse has refused a body, so well-formed requests never pay for it.
 * Keys that would reach an object's prototype (`__proto__`, `constructor.prototype`) are refused, as
 * the regular parser refuses them.
 */
export type PythonJsonResult = { ok: true; value: unknown } | { ok: false; position: number; message: string };

class JsonError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  constructor(private readonly text: string) {}

  skipSpace(at: number): number {
    while (at < this.text.length && ' \t\n\r'.includes(this.text[at])) at++;
    return at;
  }

  /** The value starting at `at` and where it ends; "Expecting value" at `at` when there is none. */
  value(at: number): [unknown, number] {
    const text = this.text;
    const c = text[at];
    if (c === '"') return this.string(at + 1);
    if (c === '{') return this.object(at + 1);
    if (c === '[') return this.array(at + 1);
    for (const [word, value] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (text.startsWith(word, at)) return [value, at + word.length];
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) return [Number(number[0]), at + number[0].length];
    throw new JsonError('Expecting value', at);
  }

  string(at: number): [string, number] {
    const text = this.text;
    const begin = at - 1;
    let result = '';
    for (;;) {
      if (at >= text.length) throw new JsonError('Unterminated string starting at', begin);
      const c = text[at];
      if (c === '"') return [result, at + 1];
      if (c.charCodeAt(0) < 0x20) throw new JsonError('Invalid control character at', at);
      if (c !== '\\') {
        result += c;
        at++;
        continue;
      }
      const escape = text[at + 1];
      if (escape === undefined) throw new JsonError('Unterminated string starting at', begin);
      if (escape !== 'u') {
        if (!(escape in ESCAPES)) throw new JsonError('Invalid \\escape', at);
        result += ESCAPES[escape];
        at += 2;
        continue;
      }
      const hex = text.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('Invalid \\uXXXX escape', at + 1);
      result += String.fromCharCode(parseInt(hex, 16));
      at += 6;
    }
  }

  object(at: number): [Record<string, unknown>, number] {
    const result: Record<string, unknown> = {};
    at = this.skipSpace(at);
    if (this.text[at] === '}') return [result, at + 1];
    for (;;) {
      if (this.text[at] !== '"') throw new JsonError('Expecting property name enclosed in double quotes', at);
      const keyAt = at;
      const [key, afterKey] = this.string(at + 1);
      at = this.skipSpace(afterKey);
      if (this.text[at] !== ':') throw new JsonError("Expecting ':' delimiter", at);
      const [value, afterValue] = this.value(this.skipSpace(at + 1));
      const reachesPrototype =
        key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype'));
      if (reachesPrototype) throw new JsonError('Object contains forbidden prototype property', keyAt);
      result[key] = value;
      at = this.skipSpace(afterValue);
      if (this.text[at] === '}') return [result, at + 1];
      if (this.text[at] !== ',') throw new JsonError("Expecting ',' delimiter", at);
      at = this.skipSpace(at + 1);
    }
  }

  array(at: number): [unknown[], number] {
    const result: unknown[] = [];
    at = this.skipSpace(at);
    if (this.text[at] === ']') return [result, at + 1];
    for (;;) {
      const [value, afterValue] = this.value(at);
      result.push(value);
      at = this.skipSpace(afterValue);
      if (this.text[at] === ']') return [result, at + 1];
      if (this.text[at] !== ',') throw new JsonError("Expecting ',' delimiter", at);
      at = this.skipSpace(at + 1);
    }
  }
}

export function parsePythonJson(text: string): PythonJsonResult {
  const parser = new Parser(text);
  try {
    const [value, end] = parser.value(parser.skipSpace(0));
    const rest = parser.skipSpace(end);
    if (rest !== text.length) throw new JsonError('Extra data', rest);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    // Python counts positions in characters (code points), not UTF-16 units.
    return { ok: false, position: characterLength(text.slice(0, error.index)), message: error.message };
  }
}
