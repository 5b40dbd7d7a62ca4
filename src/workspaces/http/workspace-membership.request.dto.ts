import { ApiHideProperty, ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  AsList,
  CharacterLength,
  EachString,
  EachUuid,
  IsListValue,
  IsStringValue,
  IsUuidValue,
  MaxItems,
  OneOf,
  Required,
} from '../../common/validation/validators.js';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { WORKSPACE_PRIVILEGES, WorkspacePrivilege } from '../domain/workspace-privilege.js';

@ApiSchema({ name: 'CreateWorkspaceMembershipRequestDto' })
export class CreateWorkspaceMembershipRequestDto {
  @ApiProperty({
    type: 'string',
    title: 'Userid',
    example: 'bob',
    description: `At most ${USER_ID_MAX_LENGTH} characters of text without NUL (a limit the reference API does not have).`,
  })
  @Required()
  @IsStringValue()
  @CharacterLength(1, USER_ID_MAX_LENGTH)
  userId: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  @Required()
  @IsStringValue()
  @IsUuidValue()
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
  @IsListValue()
  @MaxItems(1)
  @OneOf(WORKSPACE_PRIVILEGES)
  privileges?: WorkspacePrivilege[];
}

export const MEMBERSHIP_EXPANSIONS = ['user', 'workspace'] as const;

/** Documented on the route (@ApiQuery): Swagger's reading of these properties loses their schemas. */
export class ListWorkspaceMembershipsQueryDto {
  @ApiHideProperty()
  @AsList()
  @EachString()
  user_id?: string[];

  @ApiHideProperty()
  @AsList()
  @EachUuid()
  workspace_id?: string[];

  @ApiHideProperty()
  @AsList()
  @OneOf(MEMBERSHIP_EXPANSIONS)
  expand?: ('user' | 'workspace')[];
}

/** Documented on the route (@ApiQuery), as for the listing. */
export class GetWorkspaceMembershipQueryDto {
  @ApiHideProperty()
  @AsList()
  @OneOf(MEMBERSHIP_EXPANSIONS)
  expand?: ('user' | 'workspace')[];
}

export class WorkspaceMembershipIdParamsDto {
  @IsUuidValue()
  workspace_membership_id: string;
}
