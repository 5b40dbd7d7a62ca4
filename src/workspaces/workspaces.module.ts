import { Module } from '@nestjs/common';
import { AuthenticateAccessTokenUseCase } from './application/authenticate-access-token.use-case.js';
import { CreateWorkspaceUseCase } from './application/create-workspace.use-case.js';
import { WorkspaceAccessTokenRepository } from './domain/workspace-access-token.repository.js';
import { WorkspaceRepository } from './domain/workspace.repository.js';
import { WorkspacesController } from './http/workspaces.controller.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './infrastructure/typeorm-workspace-access-token.repository.js';
import { TypeOrmWorkspaceRepository } from './infrastructure/typeorm-workspace.repository.js';

@Module({
  controllers: [WorkspacesController],
  providers: [
    { provide: WorkspaceRepository, useClass: TypeOrmWorkspaceRepository },
    { provide: WorkspaceAccessTokenRepository, useClass: TypeOrmWorkspaceAccessTokenRepository },
    CreateWorkspaceUseCase,
    AuthenticateAccessTokenUseCase,
  ],
  exports: [AuthenticateAccessTokenUseCase, WorkspaceAccessTokenRepository],
})
export class WorkspacesModule {}
