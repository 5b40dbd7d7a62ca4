import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AddWorkspaceMemberUseCase } from './application/add-workspace-member.use-case.js';
import { AuthenticateAccessTokenUseCase } from './application/authenticate-access-token.use-case.js';
import { CreateAccessTokenUseCase } from './application/create-access-token.use-case.js';
import { CreateWorkspaceUseCase } from './application/create-workspace.use-case.js';
import { DeleteAccessTokenUseCase } from './application/delete-access-token.use-case.js';
import { DeleteWorkspaceUseCase } from './application/delete-workspace.use-case.js';
import { GetWorkspaceUseCase } from './application/get-workspace.use-case.js';
import { ListAccessTokensUseCase } from './application/list-access-tokens.use-case.js';
import { ListWorkspaceMembershipsUseCase } from './application/list-workspace-memberships.use-case.js';
import { ListWorkspacesUseCase } from './application/list-workspaces.use-case.js';
import { LookupAccessTokenUseCase } from './application/lookup-access-token.use-case.js';
import { RemoveWorkspaceMembershipUseCase } from './application/remove-workspace-membership.use-case.js';
import { RenameWorkspaceUseCase } from './application/rename-workspace.use-case.js';
import { WorkspaceAccessTokenRepository } from './domain/workspace-access-token.repository.js';
import { WorkspaceRepository } from './domain/workspace.repository.js';
import { AccessTokensController } from './http/access-tokens.controller.js';
import { WorkspaceMembershipsController } from './http/workspace-memberships.controller.js';
import { WorkspacesController } from './http/workspaces.controller.js';
import { AccessTokenCredentialCache } from './infrastructure/access-token-credential-cache.js';
import { AccessTokenRevocationListener } from './infrastructure/access-token-revocation-listener.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './infrastructure/typeorm-workspace-access-token.repository.js';
import { TypeOrmWorkspaceRepository } from './infrastructure/typeorm-workspace.repository.js';

@Module({
  imports: [UsersModule],
  controllers: [WorkspacesController, WorkspaceMembershipsController, AccessTokensController],
  providers: [
    { provide: WorkspaceRepository, useClass: TypeOrmWorkspaceRepository },
    { provide: WorkspaceAccessTokenRepository, useClass: TypeOrmWorkspaceAccessTokenRepository },
    AccessTokenCredentialCache,
    AccessTokenRevocationListener,
    CreateWorkspaceUseCase,
    ListWorkspacesUseCase,
    GetWorkspaceUseCase,
    RenameWorkspaceUseCase,
    DeleteWorkspaceUseCase,
    AddWorkspaceMemberUseCase,
    ListWorkspaceMembershipsUseCase,
    RemoveWorkspaceMembershipUseCase,
    CreateAccessTokenUseCase,
    ListAccessTokensUseCase,
    DeleteAccessTokenUseCase,
    LookupAccessTokenUseCase,
    AuthenticateAccessTokenUseCase,
  ],
  exports: [AuthenticateAccessTokenUseCase, WorkspaceAccessTokenRepository],
})
export class WorkspacesModule {}
