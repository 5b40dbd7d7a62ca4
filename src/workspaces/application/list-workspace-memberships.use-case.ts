import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../users/domain/user.repository.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import type { ListedMembership } from './listed-membership.js';

/** Memberships read from the database at a time: what one answer holds in memory, whatever the workspace's size. */
const BATCH = 1_000;

/**
 * Memberships of the workspaces the actor belongs to, narrowed by the filters, batch by batch (each
 * batch with its users when asked for), so that the complete answer is built and sent a batch at a
 * time. The first batch is read before this returns: a failure then is the request's error.
 */
@Injectable()
export class ListWorkspaceMembershipsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: {
    actor: Actor;
    userIds?: string[];
    workspaceIds?: string[];
    withUsers: boolean;
  }): Promise<AsyncIterable<ListedMembership[]>> {
    const query = {
      visibleTo: input.actor.userId,
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      userIds: input.userIds,
      workspaceIds: input.workspaceIds,
    };
    const batch = async (after?: string) => {
      const page = await this.workspaces.listMembershipsPage(query, { after, limit: BATCH });
      return { listed: await this.withUsers(page.listings, input.withUsers), next: page.next };
    };
    const first = await batch();
    return (async function* () {
      let current = first;
      yield current.listed;
      while (current.next !== null) {
        current = await batch(current.next);
        yield current.listed;
      }
    })();
  }

  private async withUsers(listings: ListedMembership[], withUsers: boolean): Promise<ListedMembership[]> {
    if (!withUsers || listings.length === 0) return listings;
    const users = new Map(
      (await this.users.findByIds([...new Set(listings.map((l) => l.membership.userId))])).map((user) => [user.id, user]),
    );
    return listings.map((listing) => ({ ...listing, user: users.get(listing.membership.userId) }));
  }
}
