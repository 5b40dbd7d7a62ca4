import type { User } from '../../users/domain/user.js';
import type { MembershipListing } from '../domain/workspace.repository.js';

/** A membership as the listing and reading use cases return it. */
export interface ListedMembership extends MembershipListing {
  /** When asked for: the member as last seen in an identity token; undefined if never seen. */
  user?: User;
}
