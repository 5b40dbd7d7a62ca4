import { randomUUID } from 'node:crypto';
import type { Actor } from './actor.js';
import { InvalidUserId, InvalidWorkspaceName, ProvisioningNotAllowed } from './workspace.errors.js';
import { WorkspaceMembership } from './workspace-membership.js';
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

export class Workspace {
  private constructor(private readonly props: WorkspaceProps) {}

  /**
   * A new workspace always has exactly one membership: its owner. The owner is the creator, or
   * `firstMemberId` when the creator may provision workspaces for others.
   */
  static create(input: CreateWorkspaceInput): Workspace {
    if (!isValidWorkspaceName(input.name)) throw new InvalidWorkspaceName();
    const ownerId = Workspace.firstOwnerId(input.creator, input.firstMemberId);
    const id = randomUUID();
    return new Workspace({
      id,
      name: input.name,
      billingAccountEmail: input.billingAccountEmail,
      createdAt: input.now,
      updatedAt: input.now,
      memberships: [
        WorkspaceMembership.create({ workspaceId: id, userId: ownerId, privilege: WorkspacePrivilege.OWNER, now: input.now }),
      ],
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
}
