import { randomUUID } from 'node:crypto';
import type { Actor } from '../../kernel/actor.js';
import { AggregateRoot } from '../../kernel/aggregate-root.js';
import { WorkspaceEvents, type MembershipRemoval } from './workspace-events.js';
import { WorkspacePrivilege } from './workspace-privilege.js';

export interface WorkspaceMembershipProps {
  id: string;
  workspaceId: string;
  userId: string;
  /** Exactly one; it never changes (remove and re-add instead). */
  privilege: WorkspacePrivilege;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A user's place in a workspace: an aggregate of its own (a workspace may have a company's every
 * employee). The rules across memberships (who may add or remove whom, the last owner) are the
 * workspace's, checked with the memberships they concern (see Workspace).
 */
export class WorkspaceMembership extends AggregateRoot {
  private ended = false;

  private constructor(
    private readonly props: WorkspaceMembershipProps,
    isNew: boolean,
  ) {
    super(isNew);
  }

  /** A new membership (Workspace.create and Workspace.admit make them). */
  static create(input: { workspaceId: string; userId: string; privilege: WorkspacePrivilege; now: Date }): WorkspaceMembership {
    const props = {
      id: randomUUID(),
      workspaceId: input.workspaceId,
      userId: input.userId,
      privilege: input.privilege,
      createdAt: input.now,
      updatedAt: input.now,
    };
    return new WorkspaceMembership(props, true);
  }

  /** A membership admitted by someone allowed to (directly, or by an accepted invitation `invitationId`). */
  static admitted(
    input: { workspaceId: string; userId: string; privilege: WorkspacePrivilege; now: Date },
    actor: Actor,
    invitationId?: string,
  ): WorkspaceMembership {
    const membership = WorkspaceMembership.create(input);
    membership.record(WorkspaceEvents.memberAdded(membership, actor, input.now, invitationId));
    return membership;
  }

  static restore(props: WorkspaceMembershipProps): WorkspaceMembership {
    return new WorkspaceMembership({ ...props }, false);
  }

  /** Ends the membership (its access tokens go with it); Workspace.removeMember and Workspace.delete decide when. */
  end(reason: MembershipRemoval, actor: Actor, now: Date): void {
    this.ended = true;
    this.record(WorkspaceEvents.memberRemoved(this, reason, actor, now));
  }

  get id(): string {
    return this.props.id;
  }
  get workspaceId(): string {
    return this.props.workspaceId;
  }
  get userId(): string {
    return this.props.userId;
  }
  get privilege(): WorkspacePrivilege {
    return this.props.privilege;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }
  get hasEnded(): boolean {
    return this.ended;
  }
  isOwner(): boolean {
    return this.props.privilege === WorkspacePrivilege.OWNER;
  }

  belongsTo(userId: string): boolean {
    return this.props.userId === userId;
  }
}
