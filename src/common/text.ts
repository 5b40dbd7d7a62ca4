/**
 * What text PostgreSQL stores and gives back unchanged. It cannot store the NUL character, and a lone
 * UTF-16 surrogate (valid in JSON's `\ud800`, not in Unicode) would be stored as U+FFFD, so two
 * different inputs could become the same value.
 */
export type TextProblem = 'nul' | 'malformed_unicode';

const LONE_SURROGATE = /\p{Cs}/u;

export function textProblem(value: string): TextProblem | undefined {
  if (value.includes('\0')) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'malformed_unicode';
  return undefined;
}

export const isStorableText = (value: string): boolean => textProblem(value) === undefined;

/**
 * The longest user id (an identity provider's `sub`) the service accepts, in characters: a user id is
 * part of several indexes, and a PostgreSQL index entry holds at most about 2.7 kB.
 */
export const USER_ID_MAX_LENGTH = 255;
