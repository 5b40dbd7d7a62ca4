import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Field } from '../../common/validation/field.decorator.js';
import { emailAddress, integer, nullable, oneOf, refined, text } from '../../common/validation/field-types.js';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import type { WorkspaceListPosition } from '../domain/workspace.repository.js';
import { WORKSPACE_NAME_MAX_LENGTH, WORKSPACE_NAME_MIN_LENGTH } from '../domain/workspace-rules.js';
import { JoinOrderCursor } from '../../common/http/join-order-cursor.js';
import { MembershipPageQueryDto } from './workspace-membership.request.dto.js';

/** A workspace name as the contract constrains it: required, 1 to 128 characters. */
const WorkspaceName = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: 'string',
      minLength: WORKSPACE_NAME_MIN_LENGTH,
      maxLength: WORKSPACE_NAME_MAX_LENGTH,
      title: 'Name',
      example: 'Acme',
    }),
    Field(text({ minLength: WORKSPACE_NAME_MIN_LENGTH, maxLength: WORKSPACE_NAME_MAX_LENGTH }), { required: true }),
  );

@ApiSchema({ name: 'CreateWorkspaceRequestDto' })
export class CreateWorkspaceRequestDto {
  @WorkspaceName()
  name: string;

  @ApiProperty({
    required: false,
    anyOf: [{ type: 'string' }, { type: 'null' }],
    title: 'Firstmemberid',
    // Swagger UI pre-fills examples; null (the caller) is what an ordinary user may send.
    example: null,
    description: `The first owner, when it is not the caller (requires the provisioning permission); at most ${USER_ID_MAX_LENGTH} characters of text without NUL (a limit the reference API does not have).`,
  })
  @Field(nullable(text({ minLength: 1, maxLength: USER_ID_MAX_LENGTH })))
  firstMemberId?: string | null;

  @ApiProperty({ type: 'string', format: 'email', title: 'Billingaccountemail', example: 'billing@acme.example' })
  @Field(emailAddress(), { required: true })
  billingAccountEmail: string;
}

@ApiSchema({ name: 'UpdateWorkspaceNameRequestDto' })
export class UpdateWorkspaceNameRequestDto {
  @WorkspaceName()
  name: string;
}

/** The `workspace_id` path parameter, as the contract documents it. */
export const EXPAND_WORKSPACE_MEMBERSHIPS = 'workspaceMemberships';

/** The `expand` query parameter as the contract documents it (on the routes: Swagger's reading of the property adds a type). */
export const EXPAND_WORKSPACE_MEMBERSHIPS_QUERY = {
  name: 'expand',
  required: false,
  schema: { anyOf: [{ const: EXPAND_WORKSPACE_MEMBERSHIPS, type: 'string' }, { type: 'null' }], title: 'Expand' },
} as const;

export class ExpandWorkspaceMembershipsQueryDto {
  @ApiHideProperty()
  @Field(oneOf([EXPAND_WORKSPACE_MEMBERSHIPS]))
  expand?: string;
}

/** GET a workspace: `expand`, and (beyond the reference API) a page of the expanded memberships. */
export class GetWorkspaceQueryDto extends MembershipPageQueryDto {
  @ApiHideProperty()
  @Field(oneOf([EXPAND_WORKSPACE_MEMBERSHIPS]))
  expand?: string;
}

export const WORKSPACE_PAGE_MAX = 100;

export class ListWorkspacesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: WORKSPACE_PAGE_MAX, default: 20, title: 'Limit' })
  @Field(integer({ min: 1, max: WORKSPACE_PAGE_MAX }))
  limit?: number;

  @ApiPropertyOptional({ type: 'string', title: 'Cursor', description: "The previous page's `nextCursor`." })
  @Field(refined(text(), (cursor) => JoinOrderCursor.decode(cursor), 'Invalid cursor: use a nextCursor this service returned'))
  cursor?: WorkspaceListPosition;
}
