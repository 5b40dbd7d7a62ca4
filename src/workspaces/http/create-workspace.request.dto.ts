import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CharacterLength, IsEmailAddress, IsStringValue, Required } from '../../common/validation/validators.js';
import { WORKSPACE_NAME_MAX_LENGTH, WORKSPACE_NAME_MIN_LENGTH } from '../domain/workspace-rules.js';

@ApiSchema({ name: 'CreateWorkspaceRequestDto' })
export class CreateWorkspaceRequestDto {
  @ApiProperty({ type: 'string', minLength: WORKSPACE_NAME_MIN_LENGTH, maxLength: WORKSPACE_NAME_MAX_LENGTH, title: 'Name' })
  @Required()
  @IsStringValue()
  @CharacterLength(WORKSPACE_NAME_MIN_LENGTH, WORKSPACE_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({
    required: false,
    anyOf: [{ type: 'string' }, { type: 'null' }],
    title: 'Firstmemberid',
    description: 'The first owner, when it is not the caller (requires the provisioning permission).',
  })
  @IsOptional()
  @IsStringValue()
  @CharacterLength(1, Number.MAX_SAFE_INTEGER)
  firstMemberId?: string | null;

  @ApiProperty({ type: 'string', format: 'email', title: 'Billingaccountemail' })
  @Required()
  @IsStringValue()
  @IsEmailAddress()
  billingAccountEmail: string;
}
