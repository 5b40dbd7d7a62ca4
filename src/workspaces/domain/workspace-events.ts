import { domainEvent, type DomainEvent } from '../../events/domain/domain-event.js';
import type { Actor } from './actor.js';
import type { WorkspaceMembership } from './workspace-membership.js';
import { WorkspacePolicy } from './workspace-policy.js';
import type { WorkspacePrivilege } from './workspace-privilege.js';
import type { Workspace } from './workspace.js';

/** Why a membership ended. */
export type MembershipRemoval = 'removed' | 'left' | 'workspace_deleted';

/** A membership as events describe it. */
function membershipData(membership: WorkspaceMembership): Record<string, unknown> {
  return { membershipId: membership.id, userId: membership.userId, privilege: membership.privilege };
}

/** The events of workspaces and their memberships (the README's event catalogue). */
export const WorkspaceEvents = {
  /**
   * One event, which names the first owner's membership (`owner`): creating workspaces is the hot path,
   * and every event is a row written with the change.
   */
  created(workspace: Workspace, actor: Actor): DomainEvent {
    const [owner] = workspace.memberships;
    return domainEvent('workspace.created', {
      workspaceId: workspace.id,
      actor,
      now: workspace.createdAt,
      data: { name: workspace.name, billingAccountEmail: workspace.billingAccountEmail, owner: membershipData(owner) },
    });
  },

  renamed(workspace: Workspace, previousName: string, actor: Actor, now: Date): DomainEvent {
    return domainEvent('workspace.renamed', { workspaceId: workspace.id, actor, now, data: { previousName, name: workspace.name } });
  },

  /** Every membership's end, then the workspace's. */
  deleted(workspace: Workspace, actor: Actor, now: Date): DomainEvent[] {
    return [
      ...workspace.memberships.map((membership) => WorkspaceEvents.memberRemoved(membership, 'workspace_deleted', actor, now)),
      domainEvent('workspace.deleted', { workspaceId: workspace.id, actor, now, data: { name: workspace.name } }),
    ];
  },

  /** `invitationId` when the member joined by accepting an invitation. */
  memberAdded(membership: WorkspaceMembership, actor: Actor, now: Date, invitationId?: string): DomainEvent {
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

  memberRemoved(membership: WorkspaceMembership, reason: MembershipRemoval, actor: Actor, now: Date): DomainEvent {
    return domainEvent('membership.removed', {
      workspaceId: membership.workspaceId,
      actor,
      now,
      data: { ...membershipData(membership), reason },
    });
  },
};
