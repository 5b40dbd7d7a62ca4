import type { User, UserProfile } from './user.js';

/** Port: the users the service has seen. */
export abstract class UserRepository {
  /** Creates the user or updates the claims the profile carries; absent claims keep their value. */
  abstract record(profile: UserProfile, now: Date): Promise<void>;

  abstract findByIds(ids: readonly string[]): Promise<User[]>;
}
