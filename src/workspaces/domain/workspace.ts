import { randomUUID } from 'node:crypto';
import { mayCreateCredentialsAndWorkspaces, type Actor } from '../../kernel/actor.js';
import { AggregateRoot } from '../../kernel/aggregate-root.js';
import type { MembershipLimits } from './membership-limits.js';
import {
  InvalidUserId,
  InvalidWorkspaceName,
  LastOwnerCannotLeave,
  MemberAlreadyExists,
  MemberLimitReached,
  NotAllowed,
  ProvisioningNotAllowed,
  RestrictedCredential,
  WorkspaceLimitReached,
} from './workspace.errors.js';
import { WorkspaceEvents } from './workspace-events.js';
import { WorkspaceMembership } from './workspace-membership.js';
import { WorkspacePolicy } from './workspace-policy.js';
import { WorkspacePrivilege } from './workspace-privilege.js';
import { isValidWorkspaceName } from './workspace-rules.js';

export interface WorkspaceProps {
  id: string;
  name: string;
  billingAccountEmail: string;
  createdAt: Date;
  updatedAt: Date;
  /** How many memberships it has: kept with every admission and removal, never counted. */
  memberCount: number;
}

export interface CreateWorkspaceInput {
  name: string;
  billingAccountEmail: string;
  creator: Actor;
  /** The first owner when it is someone other than the creator (provisioning). */
  firstMemberId?: string | null;
  now: Date;
}

/** What admitting a member needs to know besides the workspace (see Workspace.admit). */
export interface Admission {
  userId: string;
  privilege: WorkspacePrivilege;
  actor: Actor;
  now: Date;
  /** The user's membership in this workspace, if they have one already. */
  existing: WorkspaceMembership | null;
  /** How many workspaces the user belongs to (counted up to the limit). */
  userWorkspaces: number;
  limits: MembershipLimits;
  /** Set when the member joins by accepting this invitation. */
  invitationId?: string;
}

/**
 * A workspace: its name, billing address and member count, without its memberships (a workspace may
 * hold a company's every employee; each membership is an aggregate of its own). The rules that span
 * memberships are enforced here with exactly the memberships they concern, which the use case reads
 * by index while it holds the workspace's lock (WorkspaceRepository.lock): the actor's, the
 * target's, whether another owner remains.
 */
export class Workspace extends AggregateRoot {
  private deleted = false;

  private constructor(
    private readonly props: WorkspaceProps,
    isNew: boolean,
  ) {
    super(isNew);
  }

  /**
   * A new workspace always has exactly one membership: its owner. The owner is the creator, or
   * `firstMemberId` when the creator may provision workspaces for others.
   */
  static create(input: CreateWorkspaceInput): { workspace: Workspace; owner: WorkspaceMembership } {
    if (!mayCreateCredentialsAndWorkspaces(input.creator)) throw new RestrictedCredential('create workspaces');
    if (!isValidWorkspaceName(input.name)) throw new InvalidWorkspaceName();
    const ownerId = Workspace.firstOwnerId(input.creator, input.firstMemberId);
    const workspace = new Workspace(
      {
        id: randomUUID(),
        name: input.name,
        billingAccountEmail: input.billingAccountEmail,
        createdAt: input.now,
        updatedAt: input.now,
        memberCount: 1,
      },
      true,
    );
    const owner = WorkspaceMembership.create({
      workspaceId: workspace.id,
      userId: ownerId,
      privilege: WorkspacePrivilege.OWNER,
      now: input.now,
    });
    workspace.record(WorkspaceEvents.created(workspace, owner, input.creator));
    return { workspace, owner };
  }

  static restore(props: WorkspaceProps): Workspace {
    return new Workspace({ ...props }, false);
  }

  private static firstOwnerId(creator: Actor, firstMemberId: string | null | undefined): string {
    if (firstMemberId === undefined || firstMemberId === null) return creator.userId;
    if (firstMemberId.length === 0) throw new InvalidUserId();
    if (firstMemberId !== creator.userId && !creator.mayProvisionWorkspaces) throw new ProvisioningNotAllowed();
    return firstMemberId;
  }

  /** `own` is the actor's membership (see ownMembership). */
  rename(own: WorkspaceMembership, name: string, actor: Actor, now: Date): void {
    if (!WorkspacePolicy.mayRename(own.privilege)) throw new NotAllowed('Only owners and admins may rename the workspace');
    if (!isValidWorkspaceName(name)) throw new InvalidWorkspaceName();
    const previousName = this.props.name;
    this.props.name = name;
    this.props.updatedAt = now;
    this.record(WorkspaceEvents.renamed(this, previousName, actor, now));
  }

  /** May the member `own` add a member of `privilege` (directly or by invitation)? Else NotAllowed. */
  static authorizeAdding(own: WorkspaceMembership, privilege: WorkspacePrivilege): void {
    if (!WorkspacePolicy.mayAddMember(own.privilege, privilege)) {
      throw new NotAllowed(`A ${own.privilege} may not add a ${privilege}`);
    }
  }

  /**
   * Adds a member whom someone allowed to was authorised to add (directly, or by an accepted
   * invitation): not a member already, room in the workspace and in the user's workspaces.
   */
  admit(admission: Admission): WorkspaceMembership {
    if (admission.existing) throw new MemberAlreadyExists();
    if (this.props.memberCount >= admission.limits.membersPerWorkspace) throw new MemberLimitReached(admission.limits.membersPerWorkspace);
    if (admission.userWorkspaces >= admission.limits.workspacesPerUser) throw new WorkspaceLimitReached(admission.limits.workspacesPerUser);
    if (admission.userId.length === 0) throw new InvalidUserId();
    this.props.memberCount += 1;
    return WorkspaceMembership.admitted(
      { workspaceId: this.id, userId: admission.userId, privilege: admission.privilege, now: admission.now },
      admission.actor,
      admission.invitationId,
    );
  }

  /**
   * Owners remove anyone, admins remove non-owners, everyone may leave; the last owner may not go.
   * `anotherOwner`: whether the workspace has an owner besides `target` (read under the lock).
   */
  removeMember(own: WorkspaceMembership, target: WorkspaceMembership, anotherOwner: boolean, actor: Actor, now: Date): void {
    if (!WorkspacePolicy.mayRemoveMember(own.privilege, target.privilege, target.id === own.id)) {
      throw new NotAllowed(`A ${own.privilege} may not remove a ${target.privilege}`);
    }
    if (target.isOwner() && !anotherOwner) throw new LastOwnerCannotLeave();
    target.end(target.id === own.id ? 'left' : 'removed', actor, now);
    this.props.memberCount -= 1;
  }

  /** Deletes the workspace with its memberships (every one of them, for their events) and their tokens. */
  delete(own: WorkspaceMembership, memberships: readonly WorkspaceMembership[], actor: Actor, now: Date): void {
    if (!WorkspacePolicy.mayDelete(own.privilege)) throw new NotAllowed('Only owners may delete the workspace');
    for (const membership of memberships) this.record(WorkspaceEvents.memberRemoved(membership, 'workspace_deleted', actor, now));
    this.record(WorkspaceEvents.deleted(this, actor, now));
    this.deleted = true;
  }

  get id(): string {
    return this.props.id;
  }
  get name(): string {
    return this.props.name;
  }
  get billingAccountEmail(): string {
    return this.props.billingAccountEmail;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }
  get memberCount(): number {
    return this.props.memberCount;
  }
  get isDeleted(): boolean {
    return this.deleted;
  }
}
