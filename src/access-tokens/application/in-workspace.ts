import type { Workspace } from '../../workspaces/domain/workspace.js';
import { WorkspaceNotFound, MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import type { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';

/**
 * Runs a token change under the workspace's exclusion (WorkspaceRepository.update), as every change to
 * a workspace runs: its events are recorded in the order the changes commit. A workspace that does not
 * exist (or was deleted in between), or that the actor is not a member of, answers the tokens' usual 404.
 */
export async function inWorkspace<T>(
  workspaces: WorkspaceRepository,
  workspaceId: string,
  change: (workspace: Workspace) => Promise<T>,
): Promise<T> {
  try {
    return await workspaces.update(workspaceId, change);
  } catch (error) {
    throw error instanceof WorkspaceNotFound ? new MembershipNotFound() : error;
  }
}
