import { ApiHideProperty, ApiProperty, ApiSchema } from '@nestjs/swagger';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { Field } from '../../common/validation/field.decorator.js';
import { dateTime, integer, nullable, text, uuid4 } from '../../common/validation/field-types.js';

@ApiSchema({ name: 'CreateSubjectAccessTokenCommand' })
export class CreateUserAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: 128, title: 'Name', example: 'laptop' })
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

@ApiSchema({ name: 'LookupAccessTokenCommand' })
export class LookupUserAccessTokenRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, title: 'Accesstoken' })
  @Field(text({ minLength: 1 }), { required: true })
  accessToken: string;
}

export const USER_TOKEN_PAGE_MAX = 100;

/** Documented on the route (@ApiQuery), as the contract writes the parameters. */
export class ListUserAccessTokensQueryDto {
  @ApiHideProperty()
  @Field(text({ minLength: 1, maxLength: USER_ID_MAX_LENGTH }))
  subject_id?: string;

  @ApiHideProperty()
  @Field(integer({ min: 0 }))
  skip?: number;

  @ApiHideProperty()
  @Field(integer({ min: 1, max: USER_TOKEN_PAGE_MAX }))
  limit?: number;
}

export class UserAccessTokenParamsDto {
  @Field(uuid4(), { required: true })
  token_id: string;
}
