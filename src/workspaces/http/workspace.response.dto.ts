import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import type { WorkspaceSummary } from '../domain/workspace.repository.js';

/*
 * Response bodies, built field by field from domain objects: nothing reaches a client unless it is
 * listed here. Schema names and keys are the contract's, including its snake_case token keys.
 */

/** The id and timestamps that the contract's resources start with. */
export abstract class ResourceDto {
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

/** A membership's user, workspace and privileges, as every membership schema of the contract has them. */
export abstract class MembershipDto extends ResourceDto {
  @ApiProperty({ type: 'string', title: 'Userid' })
  userId: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  workspaceId: string;

  @ApiProperty({ enum: WorkspacePrivilege, enumName: 'WorkspacePrivilege', isArray: true, title: 'Privileges' })
  privileges: WorkspacePrivilege[];

  protected assignMembership(membership: WorkspaceMembership): void {
    this.assignResource(membership);
    this.userId = membership.userId;
    this.workspaceId = membership.workspaceId;
    this.privileges = [membership.privilege];
  }
}

/** The contract's token as listed inside a membership (snake_case keys). Never carries the secret. */
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
}

@ApiSchema({ name: 'workspaces__entrypoints__http__routers__workspaces__main__CreateWorkspaceResponseDto__WorkspaceMembershipDto' })
export class CreateWorkspaceMembershipDto extends MembershipDto {
  @ApiProperty({ type: () => [WorkspaceAccessTokenDto], required: false, default: [], title: 'Accesstokens' })
  accessTokens: WorkspaceAccessTokenDto[];

  /** A membership that was just created has no tokens yet. */
  static fromNew<T extends CreateWorkspaceMembershipDto>(this: new () => T, membership: WorkspaceMembership): T {
    const dto = new this();
    dto.assignMembership(membership);
    dto.accessTokens = [];
    return dto;
  }
}

@ApiSchema({ name: 'CreateWorkspaceResponseDto' })
export class CreateWorkspaceResponseDto extends ResourceDto {
  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: () => [CreateWorkspaceMembershipDto], title: 'Memberships' })
  memberships: CreateWorkspaceMembershipDto[];

  static from(workspace: Workspace, owner: WorkspaceMembership): CreateWorkspaceResponseDto {
    const dto = new CreateWorkspaceResponseDto();
    dto.assignResource(workspace);
    dto.name = workspace.name;
    dto.memberships = [CreateWorkspaceMembershipDto.fromNew(owner)];
    return dto;
  }
}

@ApiSchema({ name: 'workspaces__entrypoints__http__routers__workspaces__main__UpdateWorkspaceNameResponseDto__WorkspaceMembershipDto' })
export class WorkspaceMembershipDto extends MembershipDto {
  static from(membership: WorkspaceMembership): WorkspaceMembershipDto {
    const dto = new WorkspaceMembershipDto();
    dto.assignMembership(membership);
    return dto;
  }
}

/** A workspace, with its memberships only when asked for (`expand=workspaceMemberships`), else null. */
@ApiSchema({ name: 'UpdateWorkspaceNameResponseDto' })
@ApiExtraModels(WorkspaceMembershipDto)
export class WorkspaceResponseDto extends ResourceDto {
  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({
    anyOf: [{ type: 'array', items: { $ref: getSchemaPath(WorkspaceMembershipDto) } }, { type: 'null' }],
    title: 'Memberships',
  })
  memberships: WorkspaceMembershipDto[] | null;

  /** The workspace's fields, and these memberships (null: not asked for). */
  static of(workspace: WorkspaceSummary, memberships: readonly WorkspaceMembership[] | null): WorkspaceResponseDto {
    const dto = new WorkspaceResponseDto();
    dto.assignResource(workspace);
    dto.name = workspace.name;
    dto.memberships = memberships && memberships.map((membership) => WorkspaceMembershipDto.from(membership));
    return dto;
  }
}

@ApiSchema({ name: 'WorkspaceDto' })
export class WorkspaceDto extends ResourceDto {
  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  static from(workspace: WorkspaceSummary): WorkspaceDto {
    const dto = new WorkspaceDto();
    dto.assignResource(workspace);
    dto.name = workspace.name;
    return dto;
  }
}

/** A workspace in the caller's list (beyond the reference API), with its member count. */
@ApiSchema({ name: 'ListedWorkspaceDto' })
export class ListedWorkspaceDto extends WorkspaceDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    title: 'Membercount',
    description: 'How many members the workspace has (kept with every change, never counted).',
  })
  memberCount: number;

  static fromSummary(workspace: WorkspaceSummary): ListedWorkspaceDto {
    const dto = new ListedWorkspaceDto();
    dto.assignResource(workspace);
    dto.name = workspace.name;
    dto.memberCount = workspace.memberCount;
    return dto;
  }
}

/** A page of the caller's workspaces (beyond the reference API). */
@ApiSchema({ name: 'WorkspaceListResponseDto' })
export class WorkspaceListResponseDto {
  @ApiProperty({ type: () => [ListedWorkspaceDto], title: 'Data' })
  data: ListedWorkspaceDto[];

  @ApiProperty({
    anyOf: [{ type: 'string' }, { type: 'null' }],
    title: 'Nextcursor',
    description: 'Pass as `cursor` to fetch the next page; null on the last page.',
  })
  nextCursor: string | null;
}
