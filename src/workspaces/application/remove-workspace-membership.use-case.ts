import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { lockAsMember } from '../domain/own-membership.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/** Removes a membership (or leaves, when it is the actor's own); its access tokens go with it. */
@Injectable()
export class RemoveWorkspaceMembershipUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
  ) {}

  async execute(input: { actor: Actor; membershipId: string }): Promise<void> {
    const found = await this.workspaces.findMembershipById(input.membershipId);
    if (!found) throw new MembershipNotFound();
    // Outsiders learn nothing about the membership's workspace; a removal in between is "not found" too.
    const notFound = () => new MembershipNotFound();
    await this.unitOfWork.run('remove-workspace-membership', async (tx) => {
      const { workspace, own } = await lockAsMember(this.workspaces, tx, input.actor, found.workspaceId, notFound);
      // Read again under the lock: the membership as it is now, and the owners as they are.
      const target = await this.workspaces.findMembershipById(input.membershipId);
      if (!target) throw notFound();
      const anotherOwner = target.isOwner() && (await this.workspaces.hasOwnerBesides(workspace.id, target.id));
      workspace.removeMember(own, target, anotherOwner, input.actor, new Date());
      this.workspaces.save(tx, workspace);
      this.workspaces.saveMembership(tx, target);
    });
  }
}
