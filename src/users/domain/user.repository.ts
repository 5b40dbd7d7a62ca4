import type { User, UserProfile } from './user.js';

/** Port: the users the service has seen. */
export abstract class UserRepository {
  /** Creates the user or updates the claims the profile carries; absent claims keep their value. */
  abstract record(profile: UserProfile, now: Date): Promise<void>;

  abstract findByIds(ids: readonly string[]): Promise<User[]>;

  /** The users whose last identity token carried this address, verified, compared without regard to case. */
  abstract findIdsByVerifiedEmail(email: string): Promise<string[]>;
}
