import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  AsInteger,
  CharacterLength,
  IntegerValue,
  IsEmailAddress,
  IsStringValue,
  IsUuidValue,
  OneOf,
  Required,
} from '../../common/validation/validators.js';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { WORKSPACE_NAME_MAX_LENGTH, WORKSPACE_NAME_MIN_LENGTH } from '../domain/workspace-rules.js';

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
    Required(),
    IsStringValue(),
    CharacterLength(WORKSPACE_NAME_MIN_LENGTH, WORKSPACE_NAME_MAX_LENGTH),
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
  @IsOptional()
  @IsStringValue()
  @CharacterLength(1, USER_ID_MAX_LENGTH)
  firstMemberId?: string | null;

  @ApiProperty({ type: 'string', format: 'email', title: 'Billingaccountemail', example: 'billing@acme.example' })
  @Required()
  @IsStringValue()
  @IsEmailAddress()
  billingAccountEmail: string;
}

@ApiSchema({ name: 'UpdateWorkspaceNameRequestDto' })
export class UpdateWorkspaceNameRequestDto {
  @WorkspaceName()
  name: string;
}

/** The `workspace_id` path parameter, as the contract documents it. */
export const WORKSPACE_ID_PARAM = { name: 'workspace_id', schema: { type: 'string', format: 'uuid4', title: 'Workspace Id' } } as const;

export class WorkspaceIdParamsDto {
  @IsUuidValue()
  workspace_id: string;
}

export const EXPAND_WORKSPACE_MEMBERSHIPS = 'workspaceMemberships';

export class ExpandWorkspaceMembershipsQueryDto {
  @ApiPropertyOptional({ anyOf: [{ enum: [EXPAND_WORKSPACE_MEMBERSHIPS], type: 'string' }, { type: 'null' }], title: 'Expand' })
  @OneOf([EXPAND_WORKSPACE_MEMBERSHIPS], 'literal_error')
  expand?: string;
}

export const WORKSPACE_PAGE_MAX = 100;

export class ListWorkspacesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: WORKSPACE_PAGE_MAX, default: 20, title: 'Limit' })
  @AsInteger()
  @IntegerValue(1, WORKSPACE_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', title: 'Cursor', description: "The previous page's `nextCursor`." })
  @IsStringValue()
  cursor?: string;
}
