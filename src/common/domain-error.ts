/**
 * The kinds of failure the domain knows. Each kind maps to exactly one HTTP status, in one place
 * (HttpErrorFilter); the domain and the use cases never speak HTTP.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** A stable, machine-readable code such as 'WORKSPACE.PROVISIONING_NOT_ALLOWED'. */
  abstract readonly code: string;
  /**
   * The reference API reports some errors as a list of messages (`{"detail": [{"msg": ...}]}`)
   * rather than one (`{"detail": "..."}`); such errors say so.
   */
  readonly detailAsList: boolean = false;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A failed or missing credential. `credential` says which kind failed ('none': there was none), so
 * that the HTTP layer can tell the client how to authenticate.
 */
export abstract class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  abstract readonly credential: 'none' | 'bearer' | 'access-token';
}

/** Too many attempts of some kind; the client may try again after `retryAfterSeconds`. */
export abstract class RateLimitedError extends DomainError {
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
