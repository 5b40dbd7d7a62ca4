import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { CheckAuthorizationsUseCase } from './application/check-authorizations.use-case.js';
import { ListAllowedWorkspacesUseCase } from './application/list-allowed-workspaces.use-case.js';
import { AuthorizationController } from './http/authorization.controller.js';

/**
 * What a user may do where, for other services to ask on every request (POST /api/v1/authorization/check):
 * the workspaces' and invitations' rules applied to the memberships it reads, never a copy of them.
 */
@Module({
  imports: [WorkspacesModule],
  controllers: [AuthorizationController],
  providers: [CheckAuthorizationsUseCase, ListAllowedWorkspacesUseCase],
})
export class AuthorizationModule {}
