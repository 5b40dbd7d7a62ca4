import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';

const PRIVILEGE = { enum: WorkspacePrivilege, enumName: 'WorkspacePrivilege' } as const;

@ApiSchema({ name: 'AuthorizationResult' })
export class AuthorizationResultDto {
  @ApiProperty({ anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Correlationid', description: "The question's `correlationId`." })
  correlationId: string | null;

  @ApiProperty({ type: 'boolean', title: 'Allowed' })
  allowed: boolean;

  @ApiProperty({
    oneOf: [{ $ref: '#/components/schemas/WorkspacePrivilege' }, { type: 'null' }],
    title: 'Privilege',
    description: "The user's role in the workspace; null when they are not in it, or when it does not exist (the same answer).",
  })
  privilege: WorkspacePrivilege | null;
}

@ApiSchema({ name: 'AuthorizationCheckResponse' })
export class AuthorizationCheckResponseDto {
  @ApiProperty({ type: () => [AuthorizationResultDto], title: 'Results', description: 'One per question, in the order asked.' })
  results: AuthorizationResultDto[];
}

@ApiSchema({ name: 'AllowedWorkspace' })
export class AllowedWorkspaceDto {
  @ApiProperty({ type: 'string', format: 'uuid', title: 'Workspaceid' })
  workspaceId: string;

  @ApiProperty({ ...PRIVILEGE, title: 'Privilege' })
  privilege: WorkspacePrivilege;
}

@ApiSchema({ name: 'AllowedWorkspaceListResponse' })
export class AllowedWorkspaceListResponseDto {
  @ApiProperty({ type: () => [AllowedWorkspaceDto], title: 'Data' })
  data: AllowedWorkspaceDto[];

  @ApiProperty({
    anyOf: [{ type: 'string' }, { type: 'null' }],
    title: 'Nextcursor',
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}
