import { CreateWorkspaces1764270000000 } from './1764270000000-create-workspaces.js';
import { CreateUsers1764280000000 } from './1764280000000-create-users.js';

/** Every migration, in order. A new migration file is added here too. */
export const migrations = [CreateWorkspaces1764270000000, CreateUsers1764280000000];
