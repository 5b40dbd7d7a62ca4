import { mailboxKey } from './mailbox.js';

/** What the identity provider's tokens say about a user; any claim may be absent. */
export interface UserProfile {
  id: string;
  email?: string;
  name?: string;
  picture?: string;
  emailVerified?: boolean;
}

/** A user as the service last saw them in an identity token. */
export interface User {
  id: string;
  email: string | null;
  name: string | null;
  picture: string | null;
  emailVerified: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

export function hasProfileClaims(profile: UserProfile): boolean {
  return profile.email !== undefined || profile.name !== undefined || profile.picture !== undefined || profile.emailVerified !== undefined;
}

/** Addresses longer than this cannot be invited (EmailStr allows 254 characters); their mailbox is not kept. */
const LONGEST_INVITABLE_ADDRESS = 320;

/**
 * The mailbox the profile's token vouches for: its email's mailboxKey when that same token says the
 * email is verified, else null. A verification holds only for the address it came with.
 */
export function verifiedMailboxKey(profile: UserProfile): string | null {
  if (profile.email === undefined || profile.emailVerified !== true || profile.email.length > LONGEST_INVITABLE_ADDRESS) return null;
  return mailboxKey(profile.email);
}
