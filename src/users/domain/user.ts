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
