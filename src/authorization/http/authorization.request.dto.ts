import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { JoinOrderCursor, type JoinOrderPosition } from '../../common/http/join-order-cursor.js';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { Field, model } from '../../common/validation/field.decorator.js';
import { integer, list, oneOf, refined, text, uuid4 } from '../../common/validation/field-types.js';
import { WORKSPACE_ACTION_NAMES, type WorkspaceAction } from '../domain/workspace-actions.js';

/** The most questions one check request may ask. */
export const CHECKS_PER_REQUEST_MAX = 100;
export const ALLOWED_WORKSPACES_PAGE_MAX = 100;
export const CORRELATION_ID_MAX_LENGTH = 128;

const userIdText = text({ minLength: 1, maxLength: USER_ID_MAX_LENGTH });
const ACTION = { enum: WORKSPACE_ACTION_NAMES, enumName: 'WorkspaceAction', title: 'Action' } as const;
const USER_ID_DESCRIPTION =
  'Whom the question is about: the caller when omitted. Another user needs the check scope (AUTH_CHECK_SCOPE, default `workspaces:check`) on a bearer token, else 403.';

@ApiSchema({ name: 'AuthorizationCheck' })
export class AuthorizationCheckDto {
  @ApiPropertyOptional({
    type: 'string',
    maxLength: CORRELATION_ID_MAX_LENGTH,
    title: 'Correlationid',
    description: 'Echoed in the answer to this question (null when omitted).',
  })
  @Field(text({ maxLength: CORRELATION_ID_MAX_LENGTH }))
  correlationId?: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  @Field(uuid4(), { required: true })
  workspaceId: string;

  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: USER_ID_MAX_LENGTH, title: 'Userid', description: USER_ID_DESCRIPTION })
  @Field(userIdText)
  userId?: string;

  @ApiProperty(ACTION)
  @Field(oneOf(WORKSPACE_ACTION_NAMES, 'enum'), { required: true })
  action: WorkspaceAction;
}

@ApiSchema({ name: 'AuthorizationCheckRequest' })
export class AuthorizationCheckRequestDto {
  @ApiProperty({ type: () => [AuthorizationCheckDto], minItems: 1, maxItems: CHECKS_PER_REQUEST_MAX, title: 'Checks' })
  @Field(list(model(AuthorizationCheckDto, 'AuthorizationCheck'), { minItems: 1, maxItems: CHECKS_PER_REQUEST_MAX }), { required: true })
  checks: AuthorizationCheckDto[];
}

export class ListAllowedWorkspacesQueryDto {
  @ApiProperty(ACTION)
  @Field(oneOf(WORKSPACE_ACTION_NAMES, 'enum'), { required: true })
  action: WorkspaceAction;

  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: USER_ID_MAX_LENGTH, title: 'User Id', description: USER_ID_DESCRIPTION })
  @Field(userIdText)
  user_id?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: ALLOWED_WORKSPACES_PAGE_MAX, default: 20, title: 'Limit' })
  @Field(integer({ min: 1, max: ALLOWED_WORKSPACES_PAGE_MAX }))
  limit?: number;

  @ApiPropertyOptional({ type: 'string', title: 'Cursor', description: "The previous page's `nextCursor`." })
  @Field(refined(text(), (cursor) => JoinOrderCursor.decode(cursor), 'Invalid cursor: use a nextCursor this service returned'))
  cursor?: JoinOrderPosition;
}
