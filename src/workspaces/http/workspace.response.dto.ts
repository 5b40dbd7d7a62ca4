import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';

/*
 * Response bodies, built field by field from domain objects: nothing reaches a client unless it is
 * listed here. Schema names and keys are the contract's, including its snake_case token keys.
 */

@ApiSchema({ name: 'WorkspaceAccessToken' })
export class WorkspaceAccessTokenDto {
  @ApiProperty({ type: 'string', format: 'uuid4', required: false, title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Created At' })
  created_at: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: 'string', title: 'Hash' })
  hash: string;

  @ApiProperty({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], title: 'Expires At' })
  expires_at: string | null;

  static from(token: WorkspaceAccessToken): WorkspaceAccessTokenDto {
    const dto = new WorkspaceAccessTokenDto();
    dto.id = token.id;
    dto.created_at = token.createdAt.toISOString();
    dto.name = token.name;
    dto.hash = token.hash;
    dto.expires_at = token.expiresAt?.toISOString() ?? null;
    return dto;
  }
}

@ApiSchema({ name: 'workspaces__entrypoints__http__routers__workspaces__main__CreateWorkspaceResponseDto__WorkspaceMembershipDto' })
export class CreateWorkspaceMembershipDto {
  @ApiProperty({ type: 'string', format: 'uuid4', required: false, title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Updatedat' })
  updatedAt: string;

  @ApiProperty({ type: 'string', title: 'Userid' })
  userId: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  workspaceId: string;

  @ApiProperty({ enum: WorkspacePrivilege, enumName: 'WorkspacePrivilege', isArray: true, title: 'Privileges' })
  privileges: WorkspacePrivilege[];

  @ApiProperty({ type: () => [WorkspaceAccessTokenDto], required: false, default: [], title: 'Accesstokens' })
  accessTokens: WorkspaceAccessTokenDto[];

  static from(membership: WorkspaceMembership): CreateWorkspaceMembershipDto {
    const dto = new CreateWorkspaceMembershipDto();
    dto.id = membership.id;
    dto.createdAt = membership.createdAt.toISOString();
    dto.updatedAt = membership.updatedAt.toISOString();
    dto.userId = membership.userId;
    dto.workspaceId = membership.workspaceId;
    dto.privileges = [membership.privilege];
    dto.accessTokens = membership.accessTokens.map((token) => WorkspaceAccessTokenDto.from(token));
    return dto;
  }
}

@ApiSchema({ name: 'CreateWorkspaceResponseDto' })
export class CreateWorkspaceResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', required: false, title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Updatedat' })
  updatedAt: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: () => [CreateWorkspaceMembershipDto], title: 'Memberships' })
  memberships: CreateWorkspaceMembershipDto[];

  static from(workspace: Workspace): CreateWorkspaceResponseDto {
    const dto = new CreateWorkspaceResponseDto();
    dto.id = workspace.id;
    dto.createdAt = workspace.createdAt.toISOString();
    dto.updatedAt = workspace.updatedAt.toISOString();
    dto.name = workspace.name;
    dto.memberships = workspace.memberships.map((membership) => CreateWorkspaceMembershipDto.from(membership));
    return dto;
  }
}
