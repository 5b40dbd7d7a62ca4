import type { UserRepository } from '../../users/domain/user.repository.js';
import type { MembershipPosition, MembershipQuery, WorkspaceRepository } from '../domain/workspace.repository.js';
import type { ListedMembership } from './listed-membership.js';

/** Memberships read from the database at a time for a complete answer: what it holds in memory, whatever the workspace's size. */
const BATCH = 1_000;

export interface MembershipBatches {
  /** The memberships, a batch at a time (one batch for a page). */
  batches: AsyncIterable<ListedMembership[]>;
  /** With a page: where the next one starts (null on the last page). Null for the complete answer. */
  next: MembershipPosition | null;
  /**
   * The whole answer, when its first batch is all of it (a page, or a list shorter than a batch): the
   * answer can be written at once, without streaming it. Null when it goes on past the first batch.
   */
  whole: ListedMembership[] | null;
}

/**
 * The memberships the query finds: all of them, read batch by batch (each batch with its users when
 * asked for), or one page of `limit` after a position. Either way each batch costs the same (a keyset
 * range), and the first is read before this returns: a failure then is the request's error.
 */
export async function membershipBatches(
  workspaces: WorkspaceRepository,
  users: UserRepository,
  query: MembershipQuery,
  options: { withUsers: boolean; page?: { after?: MembershipPosition; limit: number } },
): Promise<MembershipBatches> {
  const batch = async (after: MembershipPosition | undefined, limit: number) => {
    const page = await workspaces.listMembershipsPage(query, { after, limit });
    return { listed: await withUsers(users, page.listings, options.withUsers), next: page.next };
  };
  if (options.page) {
    const only = await batch(options.page.after, options.page.limit);
    return {
      batches: (async function* () {
        yield only.listed;
      })(),
      next: only.next,
      whole: only.listed,
    };
  }
  const first = await batch(undefined, BATCH);
  return {
    batches: (async function* () {
      let current = first;
      yield current.listed;
      while (current.next !== null) {
        current = await batch(current.next, BATCH);
        yield current.listed;
      }
    })(),
    next: null,
    whole: first.next === null ? first.listed : null,
  };
}

async function withUsers(users: UserRepository, listings: ListedMembership[], wanted: boolean): Promise<ListedMembership[]> {
  if (!wanted || listings.length === 0) return listings;
  const found = new Map((await users.findByIds([...new Set(listings.map((l) => l.membership.userId))])).map((user) => [user.id, user]));
  return listings.map((listing) => ({ ...listing, user: found.get(listing.membership.userId) }));
}
