import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { UserAccessToken } from '../domain/user-access-token.js';

/** Token metadata: never the secret, never the hash. */
@ApiSchema({ name: 'SubjectAccessTokenResponseDto' })
export class UserAccessTokenResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', required: false, title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], title: 'Expiresat' })
  expiresAt: string | null;

  @ApiProperty({ type: 'string', title: 'Creatorid', description: 'The user the token acts as.' })
  creatorId: string;

  static from(token: UserAccessToken): UserAccessTokenResponseDto {
    const dto = new UserAccessTokenResponseDto();
    dto.id = token.id;
    dto.createdAt = token.createdAt.toISOString();
    dto.name = token.name;
    dto.expiresAt = token.expiresAt?.toISOString() ?? null;
    dto.creatorId = token.userId;
    return dto;
  }
}

@ApiSchema({ name: 'CreateSubjectAccessTokenResponseDto' })
export class CreateUserAccessTokenResponseDto {
  @ApiProperty({ type: () => UserAccessTokenResponseDto })
  token: UserAccessTokenResponseDto;

  @ApiProperty({ type: 'string', title: 'Tokenstring', description: 'The secret (`usat_…`): shown this once, never again.' })
  tokenString: string;
}

@ApiSchema({ name: 'ListSubjectAccessTokensResponseDto' })
export class ListUserAccessTokensResponseDto {
  @ApiProperty({ type: () => [UserAccessTokenResponseDto], title: 'Data' })
  data: UserAccessTokenResponseDto[];
}

@ApiSchema({ name: 'LookupAccessTokenResponseDto' })
export class LookupUserAccessTokenResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Accesstokenid' })
  accessTokenId: string;
}
