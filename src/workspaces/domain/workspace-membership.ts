import { randomUUID } from 'node:crypto';
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

/** A user's place in a workspace. */
export class WorkspaceMembership {
  private constructor(private readonly props: WorkspaceMembershipProps) {}

  static create(input: { workspaceId: string; userId: string; privilege: WorkspacePrivilege; now: Date }): WorkspaceMembership {
    return new WorkspaceMembership({
      id: randomUUID(),
      workspaceId: input.workspaceId,
      userId: input.userId,
      privilege: input.privilege,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: WorkspaceMembershipProps): WorkspaceMembership {
    return new WorkspaceMembership({ ...props });
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
  isOwner(): boolean {
    return this.props.privilege === WorkspacePrivilege.OWNER;
  }

  belongsTo(userId: string): boolean {
    return this.props.userId === userId;
  }
}
