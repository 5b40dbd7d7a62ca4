import { DomainError } from '../common/domain-error.js';

export class IdempotencyKeyAlreadyUsed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'IDEMPOTENCY.SECRET_NOT_REPLAYED';
  constructor() {
    super('This request was already carried out with this Idempotency-Key; its secret is shown only once and cannot be replayed');
  }
}
