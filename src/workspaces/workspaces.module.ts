import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module.js';
import { UsersModule } from '../users/users.module.js';
import { AddWorkspaceMemberUseCase } from './application/add-workspace-member.use-case.js';
import { CreateWorkspaceUseCase } from './application/create-workspace.use-case.js';
import { DeleteWorkspaceUseCase } from './application/delete-workspace.use-case.js';
import { GetWorkspaceMembershipUseCase } from './application/get-workspace-membership.use-case.js';
import { GetWorkspaceUseCase } from './application/get-workspace.use-case.js';
import { ListUserWorkspaceMembershipsUseCase } from './application/list-user-workspace-memberships.use-case.js';
import { ListWorkspaceMembershipsUseCase } from './application/list-workspace-memberships.use-case.js';
import { ListWorkspaceEventsUseCase } from './application/list-workspace-events.use-case.js';
import { ListWorkspacesUseCase } from './application/list-workspaces.use-case.js';
import { RemoveWorkspaceMembershipUseCase } from './application/remove-workspace-membership.use-case.js';
import { RenameWorkspaceUseCase } from './application/rename-workspace.use-case.js';
import { WorkspaceRepository } from './domain/workspace.repository.js';
import { UserWorkspaceMembershipsController } from './http/user-workspace-memberships.controller.js';
import { WorkspaceMembershipsController } from './http/workspace-memberships.controller.js';
import { WorkspaceEventsController } from './http/workspace-events.controller.js';
import { WorkspacesController } from './http/workspaces.controller.js';
import { TypeOrmWorkspaceRepository } from './infrastructure/typeorm-workspace.repository.js';
import { WorkspaceMembershipOrmEntity } from './infrastructure/workspace-membership.orm-entity.js';
import { WorkspaceOrmEntity } from './infrastructure/workspace.orm-entity.js';

/** This module's tables, for the data source. */
export const workspaceOrmEntities = [WorkspaceOrmEntity, WorkspaceMembershipOrmEntity];

/**
 * Workspaces and their memberships. Other features (access tokens, invitations) are modules of their
 * own that use WorkspaceRepository; this module knows none of them.
 */
@Module({
  imports: [UsersModule, EventsModule, TypeOrmModule.forFeature(workspaceOrmEntities)],
  controllers: [WorkspacesController, WorkspaceMembershipsController, UserWorkspaceMembershipsController, WorkspaceEventsController],
  providers: [
    { provide: WorkspaceRepository, useClass: TypeOrmWorkspaceRepository },
    CreateWorkspaceUseCase,
    ListWorkspacesUseCase,
    GetWorkspaceUseCase,
    RenameWorkspaceUseCase,
    DeleteWorkspaceUseCase,
    AddWorkspaceMemberUseCase,
    ListWorkspaceMembershipsUseCase,
    ListUserWorkspaceMembershipsUseCase,
    GetWorkspaceMembershipUseCase,
    RemoveWorkspaceMembershipUseCase,
    ListWorkspaceEventsUseCase,
  ],
  exports: [WorkspaceRepository],
})
export class WorkspacesModule {}
