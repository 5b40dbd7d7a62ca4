import { ApiHideProperty, ApiSchema } from '@nestjs/swagger';
import { USER_ID_MAX_LENGTH } from '../../common/text.js';
import { Field } from '../../common/validation/field.decorator.js';
import { integer, text, uuid4 } from '../../common/validation/field-types.js';
import { PresentedToken, TokenExpiry, TokenName } from './access-token.request.dto.js';

@ApiSchema({ name: 'CreateSubjectAccessTokenCommand' })
export class CreateUserAccessTokenRequestDto {
  @TokenName('laptop')
  name: string;

  @TokenExpiry()
  expiresAt?: Date | null;
}

@ApiSchema({ name: 'LookupAccessTokenCommand' })
export class LookupUserAccessTokenRequestDto {
  @PresentedToken()
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
