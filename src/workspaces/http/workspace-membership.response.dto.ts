import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { User } from '../../users/domain/user.js';
import type { ListedMembership } from '../application/listed-membership.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import type { WorkspaceSummary } from '../domain/workspace.repository.js';
import { CreateWorkspaceMembershipDto, MembershipDto, WorkspaceDto } from './workspace.response.dto.js';

/** The same fields as the membership in Create Workspace's answer, under the contract's other name. */
@ApiSchema({ name: 'CreateWorkspaceMembershipResponseDto' })
export class CreateWorkspaceMembershipResponseDto extends CreateWorkspaceMembershipDto {}

@ApiSchema({ name: 'UserDto' })
export class UserDto {
  @ApiProperty({ type: 'string', title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'email', title: 'Email' })
  email: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: 'string', minLength: 1, format: 'uri', title: 'Picture' })
  picture: string;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Updatedat' })
  updatedAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'boolean', title: 'Emailverified' })
  emailVerified: boolean;

  /** Null unless every field the contract requires is known from the user's identity tokens. */
  static from(user: User | undefined): UserDto | null {
    if (!user || user.email === null || user.name === null || user.picture === null) return null;
    const dto = new UserDto();
    dto.id = user.id;
    dto.email = user.email;
    dto.name = user.name;
    dto.picture = user.picture;
    dto.updatedAt = user.updatedAt.toISOString();
    dto.createdAt = user.createdAt.toISOString();
    dto.emailVerified = user.emailVerified ?? false;
    return dto;
  }
}

@ApiSchema({ name: 'workspaces__use_cases__workspace_memberships__list_workspace_memberships__WorkspaceMembershipDto' })
@ApiExtraModels(UserDto, WorkspaceDto)
export class ListedWorkspaceMembershipDto extends MembershipDto {
  @ApiProperty({ anyOf: [{ $ref: getSchemaPath(UserDto) }, { type: 'null' }], required: false })
  user: UserDto | null;

  @ApiProperty({ anyOf: [{ $ref: getSchemaPath(WorkspaceDto) }, { type: 'null' }], required: false })
  workspace: WorkspaceDto | null;

  /** A listed membership, with its user and workspace only where `expand` asks for them. */
  static fromListing(listing: ListedMembership, expand: ReadonlySet<string>): ListedWorkspaceMembershipDto {
    return ListedWorkspaceMembershipDto.from(listing.membership, {
      user: expand.has('user') ? listing.user : undefined,
      workspace: expand.has('workspace') ? listing.workspace : undefined,
    });
  }

  static from(membership: WorkspaceMembership, expanded: { user?: User; workspace?: WorkspaceSummary }): ListedWorkspaceMembershipDto {
    const dto = new ListedWorkspaceMembershipDto();
    dto.assignMembership(membership);
    dto.user = UserDto.from(expanded.user);
    dto.workspace = expanded.workspace ? WorkspaceDto.from(expanded.workspace) : null;
    return dto;
  }
}

@ApiSchema({ name: 'WorkspaceMembershipsListResponse' })
export class WorkspaceMembershipsListResponseDto {
  @ApiProperty({ type: () => [ListedWorkspaceMembershipDto], title: 'Data' })
  data: ListedWorkspaceMembershipDto[];
}
