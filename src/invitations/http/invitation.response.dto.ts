import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { INVITATION_STATUSES, type InvitationStatus } from '../domain/invitation-status.js';
import type { InvitationListing } from '../domain/invitation.repository.js';

@ApiSchema({ name: 'InviteResponse' })
export class InviteResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'email', title: 'Email', example: 'alice@example.com' })
  email: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Workspaceid' })
  workspaceId: string;

  @ApiProperty({ type: 'string', title: 'Inviterid', example: 'auth0|owner' })
  inviterId: string;

  @ApiProperty({
    enum: WorkspacePrivilege,
    enumName: 'WorkspacePrivilege',
    isArray: true,
    title: 'Privileges',
    example: ['ROLE_WORKSPACE_MEMBER'],
  })
  privileges: WorkspacePrivilege[];

  /** A pending invitation reads `expired` once `expiresAt` has passed (said in the operations' descriptions). */
  @ApiProperty({ enum: INVITATION_STATUSES, enumName: 'InviteStatus' })
  status: InvitationStatus;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Updatedat' })
  updatedAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Expiresat' })
  expiresAt: string;

  @ApiProperty({ type: 'string', title: 'Workspacename', example: 'Team' })
  workspaceName: string;

  /** `now`: the moment the status is read at (an invitation past its expiry reads expired). */
  static from({ invitation, workspaceName }: InvitationListing, now: Date): InviteResponseDto {
    const dto = new InviteResponseDto();
    dto.id = invitation.id;
    dto.email = invitation.email;
    dto.workspaceId = invitation.workspaceId;
    dto.inviterId = invitation.inviterId;
    dto.privileges = [invitation.privilege];
    dto.status = invitation.statusAt(now);
    dto.updatedAt = invitation.updatedAt.toISOString();
    dto.expiresAt = invitation.expiresAt.toISOString();
    dto.workspaceName = workspaceName;
    return dto;
  }
}

@ApiSchema({ name: 'ListInvitesResponse' })
export class ListInvitesResponseDto {
  @ApiProperty({ type: () => [InviteResponseDto], title: 'Invites' })
  invites: InviteResponseDto[];
}

/** The contract names the caller's own list apart; it has the same shape. */
@ApiSchema({ name: 'ListUserInvitesResponse' })
export class ListUserInvitesResponseDto extends ListInvitesResponseDto {}
