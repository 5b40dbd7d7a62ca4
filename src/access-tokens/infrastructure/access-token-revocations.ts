import { Injectable } from '@nestjs/common';
import { CommittedEvents } from '../../database/typeorm-unit-of-work.js';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';

/**
 * A change that ends workspace access tokens: the token's revocation, or the end of the membership or
 * workspace it belongs to (whose tokens go with it, ON DELETE CASCADE).
 */
const endsTokens = (event: DomainEvent): boolean =>
  event.type === 'membership.removed' ||
  event.type === 'workspace.deleted' ||
  (event.type === 'access_token.deleted' && event.data.kind === 'workspace');

/**
 * This replica's credential cache forgets every token as soon as a unit of work that ended tokens
 * commits, before its answer goes out; other replicas hear of it from PostgreSQL
 * (AccessTokenRevocationListener). Told by the events of the change, so the workspaces module knows
 * nothing of tokens.
 */
@Injectable()
export class AccessTokenRevocations {
  constructor(committed: CommittedEvents, cache: AccessTokenCredentialCache) {
    committed.listen((events) => {
      if (events.some(endsTokens)) cache.revoked();
    });
  }
}
