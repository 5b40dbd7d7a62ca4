import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';

/*
 * Response bodies, built field by field from domain objects: nothing reaches a client unless it is
 * listed here. Schema names and keys are the contract's, including its snake_case token keys.
 */

/** The id and timestamps that the contract's resources start with (its camelCase ones). */
abstract class ResourceDto {
  @ApiProperty({ type: 'string', format: 'uuid4', required: false, title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Updatedat' })
  updatedAt: string;

  protected assignResource(source: { id: string; createdAt: Date; updatedAt: Date }): void {
    this.id = source.id;
    this.createdAt = source.createdAt.toISOString();
    this.updatedAt = source.updatedAt.toISOString();
  }
}

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
export class CreateWorkspaceMembershipDto extends ResourceDto {
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
    dto.assignResource(membership);
    dto.userId = membership.userId;
    dto.workspaceId = membership.workspaceId;
    dto.privileges = [membership.privilege];
    dto.accessTokens = membership.accessTokens.map((token) => WorkspaceAccessTokenDto.from(token));
    return dto;
  }
}

@ApiSchema({ name: 'CreateWorkspaceResponseDto' })
export class CreateWorkspaceResponseDto extends ResourceDto {
  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: () => [CreateWorkspaceMembershipDto], title: 'Memberships' })
  memberships: CreateWorkspaceMembershipDto[];

  static from(workspace: Workspace): CreateWorkspaceResponseDto {
    const dto = new CreateWorkspaceResponseDto();
    dto.assignResource(workspace);
    dto.name = workspace.name;
    dto.memberships = workspace.memberships.map((membership) => CreateWorkspaceMembershipDto.from(membership));
    return dto;
  }
}
