import { Injectable } from '@nestjs/common';
import { EventLog } from '../../events/application/event-log.js';
import type { Actor } from '../domain/actor.js';
import { MembershipNotFound, WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/** Removes a membership (or leaves, when it is the actor's own); its access tokens go with it. */
@Injectable()
export class RemoveWorkspaceMembershipUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; membershipId: string }): Promise<void> {
    const membership = await this.workspaces.findMembershipById(input.membershipId);
    if (!membership) throw new MembershipNotFound();
    try {
      await this.workspaces.update(membership.workspaceId, async (workspace) => {
        const removed = workspace.removeMembership(input.actor, input.membershipId);
        const reason = removed.belongsTo(input.actor.userId) ? 'left' : 'removed';
        await this.events.record([WorkspaceEvents.memberRemoved(removed, reason, input.actor, new Date())]);
      });
    } catch (error) {
      // Outsiders learn nothing about the membership's workspace; a removal in between is "not found" too.
      if (error instanceof WorkspaceNotFound) throw new MembershipNotFound();
      throw error;
    }
  }
}
