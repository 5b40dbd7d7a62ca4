import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { AccessTokenAuthenticator } from './domain/access-token-authenticator.js';
import { AuthenticateAccessTokenUseCase } from './application/authenticate-access-token.use-case.js';
import { CreateAccessTokenUseCase } from './application/create-access-token.use-case.js';
import { CreateUserAccessTokenUseCase } from './application/create-user-access-token.use-case.js';
import { DeleteUserAccessTokenUseCase } from './application/delete-user-access-token.use-case.js';
import { ListUserAccessTokensUseCase } from './application/list-user-access-tokens.use-case.js';
import { LookupUserAccessTokenUseCase } from './application/lookup-user-access-token.use-case.js';
import { UserAccessTokenRepository } from './domain/user-access-token.repository.js';
import { UserAccessTokensController } from './http/user-access-tokens.controller.js';
import { TypeOrmUserAccessTokenRepository } from './infrastructure/typeorm-user-access-token.repository.js';
import { UserAccessTokenOrmEntity } from './infrastructure/user-access-token.orm-entity.js';
import { DeleteAccessTokenUseCase } from './application/delete-access-token.use-case.js';
import { ListAccessTokensUseCase } from './application/list-access-tokens.use-case.js';
import { LookupAccessTokenUseCase } from './application/lookup-access-token.use-case.js';
import { WorkspaceAccessTokenRepository } from './domain/workspace-access-token.repository.js';
import { AccessTokensController } from './http/access-tokens.controller.js';
import { AccessTokenCredentialCache } from './infrastructure/access-token-credential-cache.js';
import { AccessTokenRevocationListener } from './infrastructure/access-token-revocation-listener.js';
import { AccessTokenRevocations } from './infrastructure/access-token-revocations.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './infrastructure/typeorm-workspace-access-token.repository.js';
import { WorkspaceAccessTokenOrmEntity } from './infrastructure/workspace-access-token.orm-entity.js';

/** This module's tables, for the data source. */
export const accessTokenOrmEntities = [WorkspaceAccessTokenOrmEntity, UserAccessTokenOrmEntity];

/**
 * Access tokens, used with `Authorization: Basic`: workspace tokens (issued for a membership, acting
 * in its workspace) and user tokens (personal, acting as their user everywhere). Other modules see only
 * AccessTokenAuthenticator.
 */
@Module({
  imports: [WorkspacesModule, EventsModule, TypeOrmModule.forFeature(accessTokenOrmEntities)],
  controllers: [AccessTokensController, UserAccessTokensController],
  providers: [
    { provide: WorkspaceAccessTokenRepository, useClass: TypeOrmWorkspaceAccessTokenRepository },
    { provide: UserAccessTokenRepository, useClass: TypeOrmUserAccessTokenRepository },
    { provide: AccessTokenAuthenticator, useClass: AuthenticateAccessTokenUseCase },
    AccessTokenCredentialCache,
    AccessTokenRevocationListener,
    AccessTokenRevocations,
    CreateAccessTokenUseCase,
    ListAccessTokensUseCase,
    DeleteAccessTokenUseCase,
    LookupAccessTokenUseCase,
    CreateUserAccessTokenUseCase,
    ListUserAccessTokensUseCase,
    DeleteUserAccessTokenUseCase,
    LookupUserAccessTokenUseCase,
  ],
  exports: [AccessTokenAuthenticator],
})
export class AccessTokensModule {}
