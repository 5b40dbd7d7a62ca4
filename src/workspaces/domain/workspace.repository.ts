import type { Workspace } from './workspace.js';

/** Port: where workspaces live. Implemented in infrastructure; the abstract class is the injection token. */
export abstract class WorkspaceRepository {
  /** Stores a new workspace together with its memberships, atomically: all of it or nothing. */
  abstract insert(workspace: Workspace): Promise<void>;

  /** The workspace with its memberships and their access tokens. */
  abstract findById(id: string): Promise<Workspace | null>;
}
