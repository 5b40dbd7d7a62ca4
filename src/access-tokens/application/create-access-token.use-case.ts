import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { AccessTokenLimitReached } from '../domain/access-token.errors.js';
import type { Actor } from '../../workspaces/domain/actor.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { assertMayIssueToken } from '../domain/token-issuance.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { EventLog } from '../../events/application/event-log.js';
import { AccessTokenEvents } from '../domain/access-token-events.js';
import { inWorkspace } from './in-workspace.js';

/** A token for the actor's own membership; the secret is returned here and never again. */
@Injectable()
export class CreateAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
    private readonly events: EventLog,
    private readonly config: AppConfig,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; name: string; expiresAt: Date | null }): Promise<{
    token: WorkspaceAccessToken;
    secret: string;
  }> {
    const now = new Date();
    assertMayIssueToken(input.actor, input.expiresAt, now);
    return inWorkspace(this.workspaces, input.workspaceId, async (workspace) => {
      // The workspace's loaded memberships answer "is the actor a member" (an outsider: the usual 404).
      const membership = workspace.membershipOf(input.actor);
      // Under the workspace's exclusion (inWorkspace), so concurrent creations hold the limit too.
      const limit = this.config.limits.tokensPerMembership;
      if ((await this.tokens.countByMembership(membership.id, limit)) >= limit) throw new AccessTokenLimitReached('workspace', limit);
      const issued = WorkspaceAccessToken.issue({ membershipId: membership.id, name: input.name, expiresAt: input.expiresAt, now });
      await this.tokens.insert(issued.token);
      await this.events.record([AccessTokenEvents.workspaceTokenCreated(issued.token, membership, input.actor)]);
      return issued;
    });
  }
}
