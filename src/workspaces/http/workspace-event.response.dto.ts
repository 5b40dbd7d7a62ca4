import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { EVENT_TYPES, type DomainEvent, type EventType } from '../../kernel/domain-event.js';

@ApiSchema({ name: 'EventActorDto', description: 'Who made the change.' })
export class EventActorDto {
  @ApiProperty({ type: 'string', title: 'Userid' })
  userId: string;

  @ApiProperty({
    anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }],
    title: 'Accesstokenid',
    description: 'The access token that acted; null when the user acted with their own bearer token.',
  })
  accessTokenId: string | null;
}

/** One entry of the audit log: the same event as published (README, "Events"). */
@ApiSchema({ name: 'WorkspaceEventDto' })
export class WorkspaceEventDto {
  @ApiProperty({ type: 'string', format: 'uuid', title: 'Id', description: 'Also the published CloudEvent `id`.' })
  id: string;

  @ApiProperty({ type: 'string', enum: [...EVENT_TYPES], title: 'Type' })
  type: EventType;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Time' })
  time: string;

  @ApiProperty({ type: 'string', format: 'uuid', title: 'Workspaceid' })
  workspaceId: string;

  @ApiProperty({ type: () => EventActorDto, title: 'Actor' })
  actor: EventActorDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    title: 'Data',
    description:
      "The event's data: see the README's event catalogue. `workspace.created` carries `billingAccountEmail` for owners only (admins see it without).",
  })
  data: Record<string, unknown>;

  static from(event: DomainEvent): WorkspaceEventDto {
    const dto = new WorkspaceEventDto();
    dto.id = event.id;
    dto.type = event.type;
    dto.time = event.occurredAt.toISOString();
    dto.workspaceId = event.workspaceId!;
    dto.actor = { userId: event.actor.userId, accessTokenId: event.actor.accessTokenId };
    dto.data = { ...event.data };
    return dto;
  }
}

/** A page of a workspace's audit log, newest first (beyond the reference API). */
@ApiSchema({ name: 'WorkspaceEventListResponseDto' })
export class WorkspaceEventListResponseDto {
  @ApiProperty({ type: () => [WorkspaceEventDto], title: 'Data' })
  data: WorkspaceEventDto[];

  @ApiProperty({
    anyOf: [{ type: 'string' }, { type: 'null' }],
    title: 'Nextcursor',
    description: 'Pass as `cursor` to fetch the next (older) page; null on the last page.',
  })
  nextCursor: string | null;
}
