import { Injectable } from '@nestjs/common';
import { EventLog, type EventPage, type EventPageMark } from '../../events/domain/event-log.js';
import type { EventType } from '../../kernel/domain-event.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceEvents } from '../domain/workspace-events.js';
import { WorkspacePolicy } from '../domain/workspace-policy.js';
import { NotAllowed, WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { ownMembership } from '../domain/own-membership.js';

/** The workspace's audit log, newest first: owners and admins (each sees what their role may); members get 403, everyone else 404. */
@Injectable()
export class ListWorkspaceEventsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly events: EventLog,
  ) {}

  async execute(input: {
    actor: Actor;
    workspaceId: string;
    types?: readonly EventType[];
    before?: EventPageMark;
    limit: number;
  }): Promise<EventPage> {
    const own = await ownMembership(this.workspaces, input.actor, input.workspaceId, () => new WorkspaceNotFound());
    if (!WorkspacePolicy.mayReadEvents(own.privilege)) throw new NotAllowed('Only owners and admins may read the audit log');
    const page = await this.events.listForWorkspace({
      workspaceId: input.workspaceId,
      types: input.types,
      before: input.before,
      limit: input.limit,
    });
    return { ...page, events: page.events.map((event) => WorkspaceEvents.asSeenBy(event, own.privilege)) };
  }
}
