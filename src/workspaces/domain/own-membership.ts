import type { DomainError } from '../../common/domain-error.js';
import { mayActIn, type Actor } from '../../kernel/actor.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceMembership } from './workspace-membership.js';
import { MembershipNotFound, WorkspaceNotFound } from './workspace.errors.js';
import type { WorkspaceRepository } from './workspace.repository.js';

/**
 * The actor's own membership in the workspace, or the 404 `notFound` makes: MembershipNotFound (the
 * contract's 404 for tokens) unless the route answers another. One indexed lookup.
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

/**
 * The start of every change in a workspace: the workspace locked for the unit of work (see
 * WorkspaceRepository.lock) and the actor's membership read under that lock. Someone who is not a
 * member (or whose access token belongs to another workspace) learns nothing: `notFound`, by default
 * WorkspaceNotFound.
 */
export async function lockAsMember(
  workspaces: WorkspaceRepository,
  tx: Transaction,
  actor: Actor,
  workspaceId: string,
  notFound: () => DomainError = () => new WorkspaceNotFound(),
): Promise<{ workspace: Workspace; own: WorkspaceMembership }> {
  const workspace = mayActIn(actor, workspaceId) ? await workspaces.lock(tx, workspaceId) : null;
  if (!workspace) throw notFound();
  return { workspace, own: await ownMembership(workspaces, actor, workspaceId, notFound) };
}
