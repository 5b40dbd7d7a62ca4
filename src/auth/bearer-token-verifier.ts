/** What a verified identity-provider token says about its bearer. */
export interface VerifiedIdentity {
  userId: string;
  /** From the token's `scope` (space-separated) and `permissions` claims. */
  scopes: string[];
}

/** Port: verifies a bearer token or throws InvalidBearerToken. The abstract class is the injection token. */
export abstract class BearerTokenVerifier {
  abstract verify(token: string): Promise<VerifiedIdentity>;
}
