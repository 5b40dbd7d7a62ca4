import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../users/domain/user.repository.js';
import type { Actor } from '../../kernel/actor.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import type { ListedMembership } from './listed-membership.js';

/**
 * One membership of a workspace the actor belongs to (an access token: of its workspace only), the
 * same visibility as the listing; anything else is MembershipNotFound.
 */
@Injectable()
export class GetWorkspaceMembershipUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: { actor: Actor; membershipId: string; withUser: boolean }): Promise<ListedMembership> {
    const [listing] = await this.workspaces.listMemberships({
      visibleTo: input.actor.userId,
      withinWorkspaceId: input.actor.restrictedToWorkspaceId,
      membershipIds: [input.membershipId],
    });
    if (!listing) throw new MembershipNotFound();
    if (!input.withUser) return listing;
    const [user] = await this.users.findByIds([listing.membership.userId]);
    return { ...listing, user };
  }
}
