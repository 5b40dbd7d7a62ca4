export const IDEMPOTENCY_OPTIONS = 'idempotency:options';

export interface IdempotencyOptions {
  /**
   * The response carries a secret shown only once (a token): it is never stored, so a retry is
   * answered 409 instead of a replay. The retry still creates nothing.
   */
  responseHasSecret?: boolean;
}
