import { USER_ID_MAX_LENGTH } from '../common/text.js';
import { DomainError, RateLimitedError, UnauthenticatedError } from '../common/domain-error.js';

export class NotAuthenticated extends UnauthenticatedError {
  readonly code = 'AUTH.NOT_AUTHENTICATED';
  readonly credential = 'none';
  constructor() {
    super('Not authenticated');
  }
}

const BEARER_TOKEN_PROBLEMS = {
  expired: 'The bearer token has expired',
  invalid: 'Invalid bearer token',
  subject: `The bearer token's subject is not a usable user id (1 to ${USER_ID_MAX_LENGTH} characters of text without NUL)`,
  expiry: 'The bearer token has no expiry (exp)',
} as const;

export class InvalidBearerToken extends UnauthenticatedError {
  readonly code = 'AUTH.INVALID_BEARER_TOKEN';
  readonly credential = 'bearer';
  constructor(reason: keyof typeof BEARER_TOKEN_PROBLEMS) {
    super(BEARER_TOKEN_PROBLEMS[reason]);
  }
}

/** The identity provider's signing keys could not be fetched: not the caller's fault. */
export class IdentityProviderUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = 'AUTH.IDENTITY_PROVIDER_UNAVAILABLE';
  constructor() {
    super('The identity provider is unavailable; try again later');
  }
}

/** This client failed to authenticate too often; it is refused before any credential is checked. */
export class TooManyFailedAuthentications extends RateLimitedError {
  readonly code = 'AUTH.TOO_MANY_FAILURES';
  constructor(retryAfterSeconds: number) {
    super('Too many failed authentication attempts; try again later', retryAfterSeconds);
  }
}
