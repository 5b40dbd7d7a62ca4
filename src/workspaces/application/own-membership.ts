import type { DomainError } from '../../common/domain-error.js';
import { mayActIn, type Actor } from '../domain/actor.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import type { WorkspaceRepository } from '../domain/workspace.repository.js';

/**
 * The actor's own membership in the workspace, or the 404 `notFound` makes: MembershipNotFound (the
 * contract's 404 for tokens) unless the route answers another.
 */
export async function ownMembership(
  workspaces: WorkspaceRepository,
  actor: Actor,
  workspaceId: string,
  notFound: () => DomainError = () => new MembershipNotFound(),
): Promise<WorkspaceMembership> {
  const membership = mayActIn(actor, workspaceId) ? await workspaces.findMembership(workspaceId, actor.userId) : null;
  if (!membership) throw notFound();
  return membership;
}
