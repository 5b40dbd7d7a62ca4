import type { UserProfile } from './user.js';

/** Port offered to authentication: keeps what each identity token says about its user. */
export abstract class UserProfileRecorder {
  abstract execute(profile: UserProfile): Promise<void>;
}
