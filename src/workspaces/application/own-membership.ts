import { mayActIn, type Actor } from '../domain/actor.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import type { WorkspaceRepository } from '../domain/workspace.repository.js';

/** The actor's own membership in the workspace, or MembershipNotFound (the contract's 404 for tokens). */
export async function ownMembership(workspaces: WorkspaceRepository, actor: Actor, workspaceId: string): Promise<WorkspaceMembership> {
  const membership = mayActIn(actor, workspaceId) ? await workspaces.findMembership(workspaceId, actor.userId) : null;
  if (!membership) throw new MembershipNotFound();
  return membership;
}
