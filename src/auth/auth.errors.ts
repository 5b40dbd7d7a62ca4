import { BEARER_CHALLENGE, DomainError, UnauthenticatedError } from '../common/domain-error.js';

export class NotAuthenticated extends UnauthenticatedError {
  readonly code = 'AUTH.NOT_AUTHENTICATED';
  readonly challenge = BEARER_CHALLENGE;
  constructor() {
    super('Not authenticated');
  }
}

export class InvalidBearerToken extends UnauthenticatedError {
  readonly code = 'AUTH.INVALID_BEARER_TOKEN';
  readonly challenge: string;
  constructor(reason: 'expired' | 'invalid') {
    const message = reason === 'expired' ? 'The bearer token has expired' : 'Invalid bearer token';
    super(message);
    this.challenge = `${BEARER_CHALLENGE}, error="invalid_token", error_description="${message}"`;
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
