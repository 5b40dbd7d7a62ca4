import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Field } from '../../common/validation/field.decorator.js';
import { dateTime, nullable, text, uuid4 } from '../../common/validation/field-types.js';

@ApiSchema({ name: 'CreateWorkspaceAccessTokenRequestDto' })
export class CreateWorkspaceAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 128, title: 'Name', example: 'CI runner' })
  @Field(text({ minLength: 1, maxLength: 128 }), { required: true })
  name: string;

  @ApiProperty({
    anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
    required: false,
    title: 'Expiresat',
    example: null,
    description: 'When the token stops working; null or absent: never.',
  })
  @Field(nullable(dateTime({ future: true })))
  expiresAt?: Date | null;
}

@ApiSchema({ name: 'LookupWorkspaceAccessTokenCommand' })
export class LookupWorkspaceAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, title: 'Accesstoken' })
  @Field(text({ minLength: 1 }), { required: true })
  accessToken: string;
}

export class AccessTokenParamsDto {
  @Field(uuid4(), { required: true })
  workspace_id: string;

  @Field(uuid4(), { required: true })
  token_id: string;
}
