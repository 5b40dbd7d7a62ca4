import type { Transaction } from '../../kernel/unit-of-work.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceMembership } from './workspace-membership.js';
import type { WorkspacePrivilege } from './workspace-privilege.js';

/** A workspace without its memberships, for lists. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  memberCount: number;
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

/** A user's role in a workspace. */
export interface MemberRole {
  workspaceId: string;
  userId: string;
  privilege: WorkspacePrivilege;
}

export interface MemberRolePage {
  roles: MemberRole[];
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

/**
 * Position in a membership listing (ordered by workspace, join time, id): after this membership.
 * `joinedMicros` is the join time in microseconds since 1970, as the database keeps it.
 */
export interface MembershipPosition {
  workspaceId: string;
  joinedMicros: number;
  membershipId: string;
}

export interface MembershipPage {
  listings: MembershipListing[];
  /** Where the next page starts; null on the last page. */
  next: MembershipPosition | null;
}

/**
 * Port: where workspaces and their memberships live (two aggregates, one store). Changes are written
 * only through a unit of work: `lock` what a change's rules need, `save` what it changed; reads take
 * the rows they need through an index, never all of a workspace's members (but `membersOf`).
 */
export abstract class WorkspaceRepository {
  /**
   * The workspace, locked until the unit of work ends: every change in a workspace holds this one row's
   * lock, so its rules over several memberships (the last owner, the member limit) hold under
   * concurrency and its events are recorded in the order its changes commit. Null when there is none.
   */
  abstract lock(tx: Transaction, id: string): Promise<Workspace | null>;

  /** Stores a new, changed or deleted workspace (with its memberships and their tokens) and its events. */
  abstract save(tx: Transaction, workspace: Workspace): void;

  /**
   * Stores a new or ended membership and its events. With `workspaceLimit`, nothing of the unit of work
   * is written (WorkspaceLimitReached) when its user already belongs to that many workspaces, checked
   * in the same statement (creating a workspace, where nothing is locked).
   */
  abstract saveMembership(tx: Transaction, membership: WorkspaceMembership, options?: { workspaceLimit?: number }): void;

  /** How many workspaces the user belongs to, counted up to `upTo` at most (its cost is bounded by it). */
  abstract countWorkspacesOf(userId: string, upTo: number): Promise<number>;

  /** The workspace (without its memberships). */
  abstract findById(id: string): Promise<Workspace | null>;

  /**
   * The workspace without its memberships, if `userId` is one of its members: one indexed lookup
   * (the workspace's key and the user's membership), whatever the number of members.
   */
  abstract findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null>;

  /** Whether the workspace has an owner other than membership `exceptId` (one probe of the owners' index). */
  abstract hasOwnerBesides(workspaceId: string, exceptId: string): Promise<boolean>;

  /** Every membership of the workspace, by join time: for deleting it (every membership's event). */
  abstract membersOf(workspaceId: string): Promise<WorkspaceMembership[]>;

  abstract findMembershipById(id: string): Promise<WorkspaceMembership | null>;

  abstract findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null>;

  /** Memberships matching the query, by workspace then join time. */
  abstract listMemberships(query: MembershipQuery): Promise<MembershipListing[]>;

  /**
   * The same, `limit` at a time: the page after `after` (the previous page's `next`), with `next` null
   * on the last page. Every page costs the same (a keyset range).
   */
  abstract listMembershipsPage(query: MembershipQuery, page: { after?: MembershipPosition; limit: number }): Promise<MembershipPage>;

  /**
   * The role of each (workspace, user) pair that is a membership (pairs that are none are left out),
   * in one statement: one probe of the unique (workspace, user) index per pair.
   */
  abstract rolesOf(pairs: readonly { workspaceId: string; userId: string }[]): Promise<MemberRole[]>;

  /**
   * The user's workspaces in which they hold one of `privileges`, with their role, in the order they
   * joined them, one page at a time: every page costs the same, whatever the number of workspaces the
   * user holds other roles in (an index range per role).
   */
  abstract listRolesOf(
    userId: string,
    options: { privileges: readonly WorkspacePrivilege[]; withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<MemberRolePage>;

  /** The user's workspaces in the order they joined them, one page at a time. */
  abstract listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage>;
}
