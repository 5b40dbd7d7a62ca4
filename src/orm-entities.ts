import { accessTokenOrmEntities } from './access-tokens/access-tokens.module.js';
import { eventOrmEntities } from './events/events.module.js';
import { invitationOrmEntities } from './invitations/invitations.module.js';
import { outboxOrmEntities } from './outbox/outbox.module.js';
import { userOrmEntities } from './users/users.module.js';
import { workspaceOrmEntities } from './workspaces/workspaces.module.js';

/**
 * Every module's ORM entities, for the TypeORM CLI and for repository tests. The application loads
 * the same ones from its modules (TypeOrmModule.forFeature); a test checks that the two agree.
 */
export const ormEntities = [
  ...workspaceOrmEntities,
  ...accessTokenOrmEntities,
  ...userOrmEntities,
  ...invitationOrmEntities,
  ...outboxOrmEntities,
  ...eventOrmEntities,
];
