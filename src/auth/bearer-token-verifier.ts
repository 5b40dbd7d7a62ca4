import type { UserProfile } from '../users/domain/user.js';

/** What a verified identity-provider token says about its bearer. */
export interface VerifiedIdentity {
  userId: string;
  /** From the token's `scope` (space-separated) and `permissions` claims. */
  scopes: string[];
  /** From the OpenID Connect claims `email`, `name`, `picture`, `email_verified`, where present. */
  profile: UserProfile;
}

/** Port: verifies a bearer token or throws InvalidBearerToken. The abstract class is the injection token. */
export abstract class BearerTokenVerifier {
  abstract verify(token: string): Promise<VerifiedIdentity>;
}
