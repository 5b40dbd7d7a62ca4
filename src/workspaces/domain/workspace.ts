import { randomUUID } from 'node:crypto';
import { mayActIn, mayCreateCredentialsAndWorkspaces, type Actor } from './actor.js';
import {
  InvalidUserId,
  InvalidWorkspaceName,
  LastOwnerCannotLeave,
  MemberAlreadyExists,
  MemberLimitReached,
  MembershipNotFound,
  NotAllowed,
  ProvisioningNotAllowed,
  RestrictedCredential,
  WorkspaceNotFound,
} from './workspace.errors.js';
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
  memberships: WorkspaceMembership[];
}

export interface CreateWorkspaceInput {
  name: string;
  billingAccountEmail: string;
  creator: Actor;
  /** The first owner when it is someone other than the creator (provisioning). */
  firstMemberId?: string | null;
  now: Date;
}

/**
 * A workspace and its memberships: the unit that changes atomically. Every rule about who may
 * change what, and that a workspace always keeps an owner, is enforced here.
 */
export class Workspace {
  private deleted = false;

  private constructor(private readonly props: WorkspaceProps) {}

  /**
   * A new workspace always has exactly one membership: its owner. The owner is the creator, or
   * `firstMemberId` when the creator may provision workspaces for others.
   */
  static create(input: CreateWorkspaceInput): Workspace {
    if (!mayCreateCredentialsAndWorkspaces(input.creator)) throw new RestrictedCredential('create workspaces');
    if (!isValidWorkspaceName(input.name)) throw new InvalidWorkspaceName();
    const ownerId = Workspace.firstOwnerId(input.creator, input.firstMemberId);
    const id = randomUUID();
    return new Workspace({
      id,
      name: input.name,
      billingAccountEmail: input.billingAccountEmail,
      createdAt: input.now,
      updatedAt: input.now,
      memberships: [WorkspaceMembership.create({ workspaceId: id, userId: ownerId, privilege: WorkspacePrivilege.OWNER, now: input.now })],
    });
  }

  static restore(props: WorkspaceProps): Workspace {
    return new Workspace({ ...props, memberships: [...props.memberships] });
  }

  private static firstOwnerId(creator: Actor, firstMemberId: string | null | undefined): string {
    if (firstMemberId === undefined || firstMemberId === null) return creator.userId;
    if (firstMemberId.length === 0) throw new InvalidUserId();
    if (firstMemberId !== creator.userId && !creator.mayProvisionWorkspaces) throw new ProvisioningNotAllowed();
    return firstMemberId;
  }

  /**
   * The actor's membership. Someone who is not a member (or whose access token belongs to another
   * workspace) learns nothing: the workspace does not exist for them.
   */
  membershipOf(actor: Actor): WorkspaceMembership {
    const membership = this.findMembershipOf(actor);
    if (!membership) throw new WorkspaceNotFound();
    return membership;
  }

  /** The actor's membership, if they act in this workspace as one of its members. */
  findMembershipOf(actor: Actor): WorkspaceMembership | undefined {
    return mayActIn(actor, this.id) ? this.props.memberships.find((m) => m.belongsTo(actor.userId)) : undefined;
  }

  rename(actor: Actor, name: string, now: Date): void {
    const { privilege } = this.membershipOf(actor);
    if (!WorkspacePolicy.mayRename(privilege)) throw new NotAllowed('Only owners and admins may rename the workspace');
    if (!isValidWorkspaceName(name)) throw new InvalidWorkspaceName();
    this.props.name = name;
    this.props.updatedAt = now;
  }

  /** Marks the workspace for deletion, with its memberships and their tokens. */
  delete(actor: Actor): void {
    const { privilege } = this.membershipOf(actor);
    if (!WorkspacePolicy.mayDelete(privilege)) throw new NotAllowed('Only owners may delete the workspace');
    this.deleted = true;
  }

  addMember(actor: Actor, userId: string, privilege: WorkspacePrivilege, now: Date): WorkspaceMembership {
    this.authorizeAdding(actor, privilege);
    return this.admit(userId, privilege, now);
  }

  /**
   * The actor's membership, when their role allows adding a member of `privilege` (directly or by
   * invitation); else NotAllowed (or WorkspaceNotFound for an outsider).
   */
  authorizeAdding(actor: Actor, privilege: WorkspacePrivilege): WorkspaceMembership {
    const own = this.membershipOf(actor);
    if (!WorkspacePolicy.mayAddMember(own.privilege, privilege)) {
      throw new NotAllowed(`A ${own.privilege} may not add a ${privilege}`);
    }
    return own;
  }

  /** Adds a member whom someone allowed to was authorised to add (directly, or by an accepted invitation). */
  admit(userId: string, privilege: WorkspacePrivilege, now: Date): WorkspaceMembership {
    if (userId.length === 0) throw new InvalidUserId();
    if (this.hasMember(userId)) throw new MemberAlreadyExists();
    const membership = WorkspaceMembership.create({ workspaceId: this.id, userId, privilege, now });
    this.props.memberships.push(membership);
    return membership;
  }

  /** Refuses (MemberLimitReached) a new member when the workspace has `limit` members already. */
  assertRoomForMember(limit: number): void {
    if (this.props.memberships.length >= limit) throw new MemberLimitReached(limit);
  }

  hasMember(userId: string): boolean {
    return this.props.memberships.some((m) => m.belongsTo(userId));
  }

  /** Owners remove anyone, admins remove non-owners, everyone may leave; the last owner may not go. */
  removeMembership(actor: Actor, membershipId: string): WorkspaceMembership {
    const own = this.membershipOf(actor);
    const target = this.props.memberships.find((m) => m.id === membershipId);
    if (!target) throw new MembershipNotFound();
    if (!WorkspacePolicy.mayRemoveMember(own.privilege, target.privilege, target.id === own.id)) {
      throw new NotAllowed(`A ${own.privilege} may not remove a ${target.privilege}`);
    }
    if (target.isOwner() && this.props.memberships.filter((m) => m.isOwner()).length === 1) throw new LastOwnerCannotLeave();
    this.props.memberships = this.props.memberships.filter((m) => m.id !== membershipId);
    return target;
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
  get memberships(): readonly WorkspaceMembership[] {
    return this.props.memberships;
  }
  get isDeleted(): boolean {
    return this.deleted;
  }
}
