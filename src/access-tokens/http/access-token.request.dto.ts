import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Field } from '../../common/validation/field.decorator.js';
import { dateTime, nullable, text, uuid4 } from '../../common/validation/field-types.js';

/** A token's name, as the contract constrains it for both kinds: required, 1 to 128 characters. */
export const TokenName = (example: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: 'string', minLength: 1, maxLength: 128, title: 'Name', example }),
    Field(text({ minLength: 1, maxLength: 128 }), { required: true }),
  );

/** When a token stops working: a future date-time, or null/absent for never (see README, future-expiry). */
export const TokenExpiry = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
      required: false,
      title: 'Expiresat',
      example: null,
      description: 'When the token stops working; null or absent: never.',
    }),
    Field(nullable(dateTime({ future: true }))),
  );

/** A secret as a client presents it to a lookup: raw, or base64 as in the Authorization header. */
export const PresentedToken = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ type: 'string', minLength: 1, title: 'Accesstoken' }), Field(text({ minLength: 1 }), { required: true }));

@ApiSchema({ name: 'CreateWorkspaceAccessTokenRequestDto' })
export class CreateWorkspaceAccessTokenRequestDto {
  @TokenName('CI runner')
  name: string;

  @TokenExpiry()
  expiresAt?: Date | null;
}

@ApiSchema({ name: 'LookupWorkspaceAccessTokenCommand' })
export class LookupWorkspaceAccessTokenRequestDto {
  @PresentedToken()
  accessToken: string;
}

export class AccessTokenParamsDto {
  @Field(uuid4(), { required: true })
  workspace_id: string;

  @Field(uuid4(), { required: true })
  token_id: string;
}
