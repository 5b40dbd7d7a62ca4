import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CharacterLength, IsDateTimeValue, IsStringValue, IsUuidValue, Required } from '../../common/validation/validators.js';

@ApiSchema({ name: 'CreateWorkspaceAccessTokenRequestDto' })
export class CreateWorkspaceAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 128, title: 'Name', example: 'CI runner' })
  @Required()
  @IsStringValue()
  @CharacterLength(1, 128)
  name: string;

  @ApiProperty({
    anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
    required: false,
    title: 'Expiresat',
    example: null,
    description: 'When the token stops working; null or absent: never.',
  })
  @IsDateTimeValue()
  expiresAt?: string | null;
}

@ApiSchema({ name: 'LookupWorkspaceAccessTokenCommand' })
export class LookupWorkspaceAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, title: 'Accesstoken' })
  @Required()
  @IsStringValue()
  @CharacterLength(1, Number.MAX_SAFE_INTEGER)
  accessToken: string;
}

export class AccessTokenParamsDto {
  @IsUuidValue()
  workspace_id: string;

  @IsUuidValue()
  token_id: string;
}
