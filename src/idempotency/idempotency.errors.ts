import { DomainError, RateLimitedError } from '../common/domain-error.js';

export class IdempotencyKeyAlreadyUsed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'IDEMPOTENCY.SECRET_NOT_REPLAYED';
  constructor() {
    super('This request was already carried out with this Idempotency-Key; its secret is shown only once and cannot be replayed');
  }
}

/** A caller keeps at most IDEMPOTENCY_KEYS_PER_CALLER_LIMIT keys at once; the oldest expires in `retryAfterSeconds`. */
export class IdempotencyKeyLimit extends RateLimitedError {
  readonly code = 'IDEMPOTENCY.KEY_LIMIT';
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      `You have ${limit} Idempotency-Keys in use, the most one may; send new requests without one, or try again later`,
      retryAfterSeconds,
    );
  }
}
