import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Field } from '../../common/validation/field.decorator.js';
import { emailAddress, oneOf, uuid4 } from '../../common/validation/field-types.js';
import { WORKSPACE_PRIVILEGES, WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { INVITATION_ANSWERS, type InvitationAnswer } from '../domain/invitation-status.js';

@ApiSchema({ name: 'CreateInviteCommand' })
export class CreateInviteRequestDto {
  @ApiProperty({
    type: 'string',
    format: 'email',
    title: 'Email',
    example: 'alice@example.com',
    description:
      'The invitee, in Unicode normalization form NFC. Answered by the user whose verified email is the same mailbox (README, Invitations).',
  })
  @Field(emailAddress({ requireNfc: true }), { required: true })
  email: string;

  @ApiProperty({ enum: WorkspacePrivilege, enumName: 'WorkspacePrivilege' })
  @Field(oneOf(WORKSPACE_PRIVILEGES, 'enum'), { required: true })
  privilege: WorkspacePrivilege;
}

@ApiSchema({ name: 'ProcessWorkspaceInviteCommand' })
export class ProcessInviteRequestDto {
  @ApiProperty({ enum: INVITATION_ANSWERS, enumName: 'InviteActionEnum' })
  @Field(oneOf(INVITATION_ANSWERS, 'enum'), { required: true })
  action: InvitationAnswer;
}

export const INVITATION_ID_PARAM = { name: 'invitation_id', schema: { type: 'string', format: 'uuid4', title: 'Invitation Id' } } as const;

export class InvitationParamsDto {
  @Field(uuid4(), { required: true })
  workspace_id: string;

  @Field(uuid4(), { required: true })
  invitation_id: string;
}
