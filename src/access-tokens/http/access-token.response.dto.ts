import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';

/** Token metadata: never the secret, never the hash. */
@ApiSchema({ name: 'AccessTokenResponseDto' })
export class AccessTokenResponseDto {
  @ApiProperty({ type: 'string', format: 'date-time', required: false, title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], required: false, title: 'Expiresat' })
  expiresAt: string | null;

  static from(token: WorkspaceAccessToken): AccessTokenResponseDto {
    const dto = new AccessTokenResponseDto();
    dto.createdAt = token.createdAt.toISOString();
    dto.id = token.id;
    dto.name = token.name;
    dto.expiresAt = token.expiresAt?.toISOString() ?? null;
    return dto;
  }
}

@ApiSchema({ name: 'CreateWorkspaceAccessTokenResponseDto' })
export class CreateWorkspaceAccessTokenResponseDto {
  @ApiProperty({ type: () => AccessTokenResponseDto })
  privateToken: AccessTokenResponseDto;

  @ApiProperty({ type: 'string', title: 'Tokenstring', description: 'The secret: shown this once, never again.' })
  tokenString: string;
}

@ApiSchema({ name: 'ListAccessTokenResponseDto' })
export class ListAccessTokenResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Id' })
  id: string;

  @ApiProperty({ type: 'string', title: 'Name' })
  name: string;

  @ApiProperty({ type: 'string', format: 'date-time', title: 'Createdat' })
  createdAt: string;

  @ApiProperty({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], required: false, title: 'Expiresat' })
  expiresAt: string | null;

  static from(token: WorkspaceAccessToken): ListAccessTokenResponseDto {
    const dto = new ListAccessTokenResponseDto();
    dto.id = token.id;
    dto.name = token.name;
    dto.createdAt = token.createdAt.toISOString();
    dto.expiresAt = token.expiresAt?.toISOString() ?? null;
    return dto;
  }
}

@ApiSchema({ name: 'LookupWorkspaceAccessTokenResponseDto' })
export class LookupWorkspaceAccessTokenResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid4', title: 'Accesstokenid' })
  accessTokenId: string;
}
