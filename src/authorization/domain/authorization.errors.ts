import { DomainError } from '../../common/domain-error.js';

/** Asking what another user may do needs the check scope on the caller's bearer token. */
export class CheckingOthersNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'AUTHORIZATION.CHECKING_OTHERS_NOT_ALLOWED';
  constructor(scope: string) {
    super(`Checking what another user may do needs the ${scope} scope on a bearer token`);
  }
}
