import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EventPageMark } from '../../events/domain/event-log.js';
import { EVENT_TYPES, type EventType } from '../../kernel/domain-event.js';
import { Field } from '../../common/validation/field.decorator.js';
import { integer, list, oneOf, refined, text } from '../../common/validation/field-types.js';
import { WorkspaceEventCursor } from './workspace-event-cursor.js';

export const EVENT_PAGE_MAX = 100;

/** `type` may be repeated: events of any of the types. */
export const EVENT_TYPE_QUERY = {
  name: 'type',
  required: false,
  description: 'Only events of this type; repeat it for several types.',
  schema: { anyOf: [{ type: 'array', items: { enum: [...EVENT_TYPES], type: 'string' } }, { type: 'null' }], title: 'Type' },
} as const;

export class ListWorkspaceEventsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: EVENT_PAGE_MAX, default: 20, title: 'Limit' })
  @Field(integer({ min: 1, max: EVENT_PAGE_MAX }))
  limit?: number;

  @ApiPropertyOptional({ type: 'string', title: 'Cursor', description: "The previous page's `nextCursor`." })
  @Field(refined(text(), (cursor) => WorkspaceEventCursor.decode(cursor), 'Invalid cursor: use a nextCursor this service returned'))
  cursor?: EventPageMark;

  @ApiHideProperty()
  @Field(list(oneOf(EVENT_TYPES)))
  type?: EventType[];
}
