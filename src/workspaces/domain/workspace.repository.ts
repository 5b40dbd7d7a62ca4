import type { DomainEvent } from '../../events/domain/domain-event.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceMembership } from './workspace-membership.js';

/** A workspace without its memberships, for lists. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Position in a user's workspace list: after the membership joined at `joinedAt` in `workspaceId`. */
export interface WorkspaceListPosition {
  joinedAt: Date;
  workspaceId: string;
}

export interface WorkspaceListPage {
  workspaces: WorkspaceSummary[];
  /** Where the next page starts; null on the last page. */
  next: WorkspaceListPosition | null;
}

export interface MembershipQuery {
  /** Only memberships of workspaces this user belongs to. */
  visibleTo: string;
  /** Only this workspace (an access token's), when set. */
  withinWorkspaceId?: string;
  userIds?: string[];
  workspaceIds?: string[];
  membershipIds?: string[];
}

export interface MembershipListing {
  membership: WorkspaceMembership;
  workspace: WorkspaceSummary;
}

export interface MembershipPage {
  listings: MembershipListing[];
  next: string | null;
}

/** Port: where workspaces and their memberships live. The abstract class is the injection token. */
export abstract class WorkspaceRepository {
  /**
   * Stores a new workspace together with its memberships and the events of its creation, atomically:
   * all of it or nothing. With `ownerWorkspaceLimit`, nothing is stored (WorkspaceLimitReached) when its
   * first owner already belongs to that many workspaces, checked in the same statement.
   */
  abstract insert(workspace: Workspace, events?: readonly DomainEvent[], options?: { ownerWorkspaceLimit?: number }): Promise<void>;

  /** How many workspaces the user belongs to, counted up to `upTo` at most (its cost is bounded by it). */
  abstract countWorkspacesOf(userId: string, upTo: number): Promise<number>;

  /** The workspace with its memberships. */
  abstract findById(id: string): Promise<Workspace | null>;

  /**
   * The workspace without its memberships, if `userId` is one of its members: one indexed lookup
   * (the workspace's key and the user's membership), whatever the number of members.
   */
  abstract findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null>;

  /**
   * Loads the workspace, applies `change` and stores what it changed (name, added and removed
   * memberships, deletion), in one transaction that excludes every other change to the same
   * workspace: rules over several memberships (the last owner) hold under concurrency.
   * `change` may be async: what it does through other repositories joins the same transaction, under
   * the same exclusion (how other features keep their rules about a workspace atomic).
   * Throws WorkspaceNotFound when there is no such workspace.
   */
  abstract update<T>(id: string, change: (workspace: Workspace) => T | Promise<T>): Promise<T>;

  abstract findMembershipById(id: string): Promise<WorkspaceMembership | null>;

  abstract findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null>;

  /** Memberships matching the query, by workspace then join time. */
  abstract listMemberships(query: MembershipQuery): Promise<MembershipListing[]>;

  /**
   * The same, `limit` at a time: the page after `after` (the previous page's `next`, which only the
   * repository reads), with `next` null on the last page. Every page costs the same (a keyset range).
   */
  abstract listMembershipsPage(query: MembershipQuery, page: { after?: string; limit: number }): Promise<MembershipPage>;

  /** The user's workspaces in the order they joined them, one page at a time. */
  abstract listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage>;
}
