import type { Transaction } from '../../kernel/unit-of-work.js';
import type { User, UserProfile } from './user.js';

/** Port: the users the service has seen. */
export abstract class UserRepository {
  /**
   * Creates the user or updates the claims the profile carries; absent claims keep their value, except
   * that `email` and `email_verified` go together: a profile with an email replaces both (an email
   * without the claim is not verified), one without keeps both. Written with the unit of work.
   */
  abstract record(tx: Transaction, profile: UserProfile, now: Date): void;

  abstract findByIds(ids: readonly string[]): Promise<User[]>;

  /** The users whose last identity token with an email carried this mailbox (see mailboxKey), verified by that token. */
  abstract findIdsByVerifiedMailbox(mailboxKey: string): Promise<string[]>;
}
