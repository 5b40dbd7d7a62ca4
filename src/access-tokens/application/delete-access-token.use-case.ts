import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workspaces/domain/actor.js';
import { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { manageableToken } from './manageable-token.js';
import { EventLog } from '../../events/application/event-log.js';
import { AccessTokenEvents } from '../domain/access-token-events.js';
import { inWorkspace } from './in-workspace.js';

/** Revokes a token the actor may manage (see manageableToken); it fails from the very next request on. */
@Injectable()
export class DeleteAccessTokenUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: WorkspaceAccessTokenRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: { actor: Actor; workspaceId: string; tokenId: string }): Promise<void> {
    const found = await this.tokens.findCredentialById(input.tokenId);
    const credential = await manageableToken(this.workspaces, input.actor, input.workspaceId, found);
    if (!credential) throw new AccessTokenNotFound();
    const { token } = credential;
    await inWorkspace(this.workspaces, input.workspaceId, async () => {
      if (!(await this.tokens.delete(token.id, token.membershipId))) throw new AccessTokenNotFound();
      await this.events.record([AccessTokenEvents.workspaceTokenDeleted(token, credential, input.actor, new Date())]);
    });
  }
}
