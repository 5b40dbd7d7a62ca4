import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { MembershipNotFound, WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/** Removes a membership (or leaves, when it is the actor's own); its access tokens go with it. */
@Injectable()
export class RemoveWorkspaceMembershipUseCase {
  constructor(private readonly workspaces: WorkspaceRepository) {}

  async execute(input: { actor: Actor; membershipId: string }): Promise<void> {
    const membership = await this.workspaces.findMembershipById(input.membershipId);
    if (!membership) throw new MembershipNotFound();
    try {
      await this.workspaces.update(membership.workspaceId, (workspace) => workspace.removeMembership(input.actor, input.membershipId));
    } catch (error) {
      // Outsiders learn nothing about the membership's workspace; a removal in between is "not found" too.
      if (error instanceof WorkspaceNotFound) throw new MembershipNotFound();
      throw error;
    }
  }
}
