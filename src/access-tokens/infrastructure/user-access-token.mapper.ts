import { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenOrmEntity } from './user-access-token.orm-entity.js';

export const UserAccessTokenMapper = {
  toDomain(row: UserAccessTokenOrmEntity): UserAccessToken {
    return UserAccessToken.restore({
      id: row.id,
      userId: row.userId,
      name: row.name,
      hash: row.hash,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    });
  },

  toPersistence(token: UserAccessToken): UserAccessTokenOrmEntity {
    const row = new UserAccessTokenOrmEntity();
    row.id = token.id;
    row.userId = token.userId;
    row.name = token.name;
    row.hash = token.hash;
    row.createdAt = token.createdAt;
    row.expiresAt = token.expiresAt;
    return row;
  },
};
