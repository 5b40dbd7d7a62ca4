import { DomainError, UnauthenticatedError } from '../../common/domain-error.js';

export class InvalidExpiry extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'ACCESS_TOKEN.INVALID_EXPIRY';
  constructor() {
    super('expiresAt must be in the future');
  }
}

export class AccessTokenNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'ACCESS_TOKEN.NOT_FOUND';
  constructor() {
    super('Access token not found');
  }
}

export class AccessTokenAlreadyExists extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ACCESS_TOKEN.ALREADY_EXISTS';
  constructor() {
    super('An access token with this id or secret already exists');
  }
}

export class InvalidAccessToken extends UnauthenticatedError {
  readonly code = 'ACCESS_TOKEN.INVALID';
  readonly credential = 'access-token';
  constructor(reason: 'unknown' | 'expired') {
    super(reason === 'expired' ? 'The access token has expired' : 'Invalid access token');
  }
}

/** Another user's access tokens are listed only with the provisioning scope. */
export class OtherSubjectNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'ACCESS_TOKEN.OTHER_SUBJECT';
  constructor() {
    super("Listing another user's access tokens requires the provisioning permission");
  }
}

/** A membership, or a user, has as many access tokens as it may (ACCESS_TOKENS_PER_MEMBERSHIP_LIMIT, USER_ACCESS_TOKENS_PER_USER_LIMIT). */
export class AccessTokenLimitReached extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ACCESS_TOKEN.LIMIT';
  constructor(kind: 'workspace' | 'user', limit: number) {
    super(
      kind === 'workspace'
        ? `This membership has ${limit} access tokens, the most it may have; delete one first`
        : `You have ${limit} user access tokens, the most one may have; delete one first`,
    );
  }
}
