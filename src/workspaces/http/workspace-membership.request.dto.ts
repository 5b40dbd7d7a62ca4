import { ApiHideProperty, ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Field } from '../../common/validation/field.decorator.js';
import { integer, list, oneOf, refined, text, uuid4 } from '../../common/validation/field-types.js';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { WORKSPACE_PRIVILEGES, WorkspacePrivilege } from '../domain/workspace-privilege.js';
import type { MembershipPosition } from '../domain/workspace.repository.js';
import { MembershipListCursor } from './membership-list-cursor.js';

/** The most memberships one page holds (beyond the reference API: `limit`). */
export const MEMBERSHIP_PAGE_MAX = 1_000;
/** A page's size when only `cursor` is given. */
export const MEMBERSHIP_PAGE_DEFAULT = 100;

/** `limit` and `cursor` of a paged membership list (beyond the reference API), documented on the routes. */
export class MembershipPageQueryDto {
  @ApiHideProperty()
  @Field(integer({ min: 1, max: MEMBERSHIP_PAGE_MAX }))
  limit?: number;

  @ApiHideProperty()
  @Field(refined(text(), (cursor) => MembershipListCursor.decode(cursor), 'Invalid cursor: use a Next-Cursor this service returned'))
  cursor?: MembershipPosition;
}

/** The page the query asks for, if it asks for one (`limit` or `cursor`). */
export function membershipPageOf(query: MembershipPageQueryDto): { after?: MembershipPosition; limit: number } | undefined {
  if (query.limit === undefined && query.cursor === undefined) return undefined;
  return { after: query.cursor, limit: query.limit ?? MEMBERSHIP_PAGE_DEFAULT };
}

/** The page parameters as OpenAPI declares them (extensions.openapi.yaml). */
export const MEMBERSHIP_PAGE_QUERIES = [
  {
    name: 'limit',
    required: false,
    description: `Beyond the reference API: answer at most this many memberships, and the \`Next-Cursor\` header when there are more (without \`limit\` and \`cursor\`: all of them). With \`cursor\` only: ${MEMBERSHIP_PAGE_DEFAULT}.`,
    schema: { type: 'integer', maximum: MEMBERSHIP_PAGE_MAX, minimum: 1, title: 'Limit' },
  },
  {
    name: 'cursor',
    required: false,
    description: "Beyond the reference API: the previous page's `Next-Cursor` header.",
    schema: { type: 'string', title: 'Cursor' },
  },
] as const;

/** A user id: the reference accepts any string; this service 1 to USER_ID_MAX_LENGTH characters (see README). */
const userIdText = text({ minLength: 1, maxLength: USER_ID_MAX_LENGTH });

@ApiSchema({ name: 'CreateWorkspaceMembershipRequestDto' })
export class CreateWorkspaceMembershipRequestDto {
  @ApiProperty({
    type: 'string',
    title: 'Userid',
    example: 'bob',
    description: `At most ${USER_ID_MAX_LENGTH} characters of text without NUL (a limit the reference API does not have).`,
  })
  @Field(userIdText, { required: true })
  userId: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  @Field(uuid4(), { required: true })
  workspaceId: string;

  @ApiProperty({
    enum: WorkspacePrivilege,
    enumName: 'WorkspacePrivilege',
    isArray: true,
    maxItems: 1,
    required: false,
    title: 'Privileges',
    example: ['ROLE_WORKSPACE_MEMBER'],
    description: 'At most one; ROLE_WORKSPACE_MEMBER when absent or empty.',
  })
  @Field(list(oneOf(WORKSPACE_PRIVILEGES, 'enum'), { maxItems: 1 }))
  privileges?: WorkspacePrivilege[];
}

export const MEMBERSHIP_EXPANSIONS = ['user', 'workspace'] as const;
type MembershipExpansion = (typeof MEMBERSHIP_EXPANSIONS)[number];
const expansions = list(oneOf(MEMBERSHIP_EXPANSIONS));

/** Documented on the route (@ApiQuery): Swagger's reading of these properties loses their schemas. */
export class ListWorkspaceMembershipsQueryDto extends MembershipPageQueryDto {
  @ApiHideProperty()
  @Field(list(userIdText))
  user_id?: string[];

  @ApiHideProperty()
  @Field(list(uuid4()))
  workspace_id?: string[];

  @ApiHideProperty()
  @Field(expansions)
  expand?: MembershipExpansion[];
}

/** Documented on the route (@ApiQuery), as for the listing. */
export class GetWorkspaceMembershipQueryDto {
  @ApiHideProperty()
  @Field(expansions)
  expand?: MembershipExpansion[];
}

export class WorkspaceMembershipIdParamsDto {
  @Field(uuid4(), { required: true })
  workspace_membership_id: string;
}

/** The deprecated per-user listing's path: a user id, with this service's limits (see README). */
export class UserWorkspaceMembershipsParamsDto {
  @Field(userIdText, { required: true })
  user_id: string;
}

/** Documented on the route (@ApiQuery). */
export class UserWorkspaceMembershipsQueryDto {
  @ApiHideProperty()
  @Field(oneOf(['workspace'] as const))
  expand?: 'workspace';
}
