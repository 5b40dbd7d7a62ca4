/**
 * What of an error or a URL may reach a log line. Errors keep their type, SQLSTATE, constraint and
 * a message with quoted values removed: never a failed query's parameters (Idempotency-Keys, user
 * input, token hashes), never a raw request (Node's client errors carry the bytes received).
 * Paths keep the API's own words and UUIDs; any other segment (a token pasted into a URL) is `*`.
 */
const QUOTED = /"[^"]*"|'[^']*'/g;
const KEPT_FIELDS = ['code', 'constraint', 'table', 'column', 'routine', 'statusCode'] as const;
const MAX_CAUSES = 3;

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]' };
  const message = withoutValues(error.message);
  const safe: SafeError = { type: error.constructor?.name ?? error.name, message };
  if (error.stack) safe.stack = [`${error.name}: ${message}`, ...error.stack.split('\n').filter((line) => /^\s+at /.test(line))].join('\n');
  const driverError = (error as { driverError?: unknown }).driverError;
  for (const source of [error, driverError]) {
    if (!source || typeof source !== 'object') continue;
    for (const field of KEPT_FIELDS) {
      const value = (source as Record<string, unknown>)[field];
      if ((typeof value === 'string' || typeof value === 'number') && safe[field] === undefined)
        safe[field] = field === 'code' ? value : withoutValues(String(value));
    }
  }
  // A driver error's fields are taken above; its message is the error's own.
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && depth < MAX_CAUSES) safe.cause = safeError(cause, depth + 1);
  return safe;
}

export function withoutValues(text: string): string {
  return text.replace(QUOTED, '"…"');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The words of the service's own routes, learnt as they are registered; everything else is hidden. */
export class LoggablePaths {
  private readonly words = new Set<string>();

  learn(routeUrl: string): void {
    for (const segment of routeUrl.split('/')) if (segment && !segment.startsWith(':') && !segment.includes('*')) this.words.add(segment);
  }

  of(url: string): string {
    const path = url.split('?')[0];
    return path
      .split('/')
      .map((segment) => (segment === '' || this.words.has(segment) || UUID.test(segment) ? segment : '*'))
      .join('/');
  }
}

/** Never written to a log: a value under one of these keys, in a logged object or up to two levels down (`req.headers.authorization`). */
const SECRET_KEYS = new Set(['authorization', 'tokenString', 'accessToken', 'secret', 'password']);
const SECRET_DEPTH = 2;
const REDACTED = '[redacted]';

/**
 * The logged object with every secret replaced by `[redacted]`: the same object when it holds none
 * (one look at each key, no copy: the request line costs nothing), else a copy; the caller's object
 * never changes. Only plain objects are looked into (not arrays, buffers or errors: `safeError` keeps
 * none of an error's own fields but a few).
 */
export function withoutSecrets(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    let safe = value;
    if (SECRET_KEYS.has(key)) safe = REDACTED;
    else if (depth < SECRET_DEPTH && isPlainObject(value)) safe = withoutSecrets(value, depth + 1);
    if (safe !== value) (copy ??= { ...fields })[key] = safe;
  }
  return copy ?? fields;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A serializer for each secret key: what pino applies to the top-level fields of a child logger's bindings as well. */
export const SECRET_SERIALIZERS: Readonly<Record<string, () => string>> = Object.fromEntries(
  [...SECRET_KEYS].map((key) => [key, () => REDACTED]),
);
