import { WorkspaceNotFound, MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import type { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';

/**
 * Runs a token change under the workspace's exclusion (WorkspaceRepository.update), as every change to
 * a workspace runs: its events are recorded in the order the changes commit. A workspace deleted in
 * between answers the tokens' usual 404.
 */
export async function inWorkspace(workspaces: WorkspaceRepository, workspaceId: string, change: () => Promise<void>): Promise<void> {
  try {
    await workspaces.update(workspaceId, change);
  } catch (error) {
    throw error instanceof WorkspaceNotFound ? new MembershipNotFound() : error;
  }
}
