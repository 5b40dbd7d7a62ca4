import { domainEvent, type DomainEvent } from '../../kernel/domain-event.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspacePolicy } from './workspace-policy.js';
import type { WorkspacePrivilege } from './workspace-privilege.js';

/** What events say of a workspace and of a membership (the aggregates record their events with these). */
interface WorkspaceFacts {
  readonly id: string;
  readonly name: string;
  readonly billingAccountEmail: string;
  readonly createdAt: Date;
}
interface MembershipFacts {
  readonly id: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly privilege: WorkspacePrivilege;
}

/** Why a membership ended. */
export type MembershipRemoval = 'removed' | 'left' | 'workspace_deleted';

/** A membership as events describe it. */
function membershipData(membership: MembershipFacts): Record<string, unknown> {
  return { membershipId: membership.id, userId: membership.userId, privilege: membership.privilege };
}

/** The events of workspaces and their memberships (the README's event catalogue). */
export const WorkspaceEvents = {
  /**
   * One event, which names the first owner's membership (`owner`): creating workspaces is the hot path,
   * and every event is a row written with the change.
   */
  created(workspace: WorkspaceFacts, owner: MembershipFacts, actor: Actor): DomainEvent {
    return domainEvent('workspace.created', {
      workspaceId: workspace.id,
      actor,
      now: workspace.createdAt,
      data: { name: workspace.name, billingAccountEmail: workspace.billingAccountEmail, owner: membershipData(owner) },
    });
  },

  renamed(workspace: WorkspaceFacts, previousName: string, actor: Actor, now: Date): DomainEvent {
    return domainEvent('workspace.renamed', { workspaceId: workspace.id, actor, now, data: { previousName, name: workspace.name } });
  },

  /** After every membership's end (memberRemoved, reason workspace_deleted). */
  deleted(workspace: WorkspaceFacts, actor: Actor, now: Date): DomainEvent {
    return domainEvent('workspace.deleted', { workspaceId: workspace.id, actor, now, data: { name: workspace.name } });
  },

  /** `invitationId` when the member joined by accepting an invitation. */
  memberAdded(membership: MembershipFacts, actor: Actor, now: Date, invitationId?: string): DomainEvent {
    return domainEvent('membership.added', {
      workspaceId: membership.workspaceId,
      actor,
      now,
      data: { ...membershipData(membership), ...(invitationId === undefined ? {} : { invitationId }) },
    });
  },

  /** An event as a member of `privilege` may read it in the audit log: the billing address for owners only. */
  asSeenBy(event: DomainEvent, privilege: WorkspacePrivilege): DomainEvent {
    if (event.type !== 'workspace.created' || WorkspacePolicy.mayReadBilling(privilege)) return event;
    const { billingAccountEmail: _hidden, ...data } = event.data;
    return { ...event, data };
  },

  memberRemoved(membership: MembershipFacts, reason: MembershipRemoval, actor: Actor, now: Date): DomainEvent {
    return domainEvent('membership.removed', {
      workspaceId: membership.workspaceId,
      actor,
      now,
      data: { ...membershipData(membership), reason },
    });
  },
};
