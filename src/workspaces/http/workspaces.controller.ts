import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { jsonStreamWithArray } from '../../common/http/json-stream.js';
import type { MembershipBatches } from '../application/membership-batches.js';
import { MembershipListCursor, NEXT_CURSOR_HEADER, NEXT_CURSOR_RESPONSE_HEADER } from './membership-list-cursor.js';
import { MEMBERSHIP_PAGE_QUERIES, membershipPageOf } from './workspace-membership.request.dto.js';
import { WorkspaceNotFound } from '../domain/workspace.errors.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import type { Actor } from '../../kernel/actor.js';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { ResponseHeaders } from '../../common/http/response-headers.decorator.js';
import { CreateWorkspaceUseCase } from '../application/create-workspace.use-case.js';
import { DeleteWorkspaceUseCase } from '../application/delete-workspace.use-case.js';
import { GetWorkspaceUseCase } from '../application/get-workspace.use-case.js';
import { ListWorkspacesUseCase } from '../application/list-workspaces.use-case.js';
import { RenameWorkspaceUseCase } from '../application/rename-workspace.use-case.js';
import { JoinOrderCursor } from '../../common/http/join-order-cursor.js';
import { WORKSPACE_ID_PARAM, WorkspaceIdParamsDto } from '../../common/http/workspace-id.params.js';
import {
  CreateWorkspaceRequestDto,
  EXPAND_WORKSPACE_MEMBERSHIPS,
  EXPAND_WORKSPACE_MEMBERSHIPS_QUERY,
  ExpandWorkspaceMembershipsQueryDto,
  GetWorkspaceQueryDto,
  ListWorkspacesQueryDto,
  UpdateWorkspaceNameRequestDto,
} from './workspace.request.dto.js';
import {
  CreateWorkspaceResponseDto,
  ListedWorkspaceDto,
  WorkspaceListResponseDto,
  WorkspaceMembershipDto,
  WorkspaceResponseDto,
} from './workspace.response.dto.js';
import { Idempotent } from '../../idempotency/idempotent.decorator.js';

@ApiTags('workspaces')
@ApiWorkspaceAuth()
@Controller('api/v1/workspaces')
export class WorkspacesController {
  constructor(
    private readonly createWorkspace: CreateWorkspaceUseCase,
    private readonly listWorkspaces: ListWorkspacesUseCase,
    private readonly getWorkspace: GetWorkspaceUseCase,
    private readonly renameWorkspace: RenameWorkspaceUseCase,
    private readonly deleteWorkspace: DeleteWorkspaceUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Idempotent()
  @ApiOperation({
    operationId: 'create_workspace_api_v1_workspaces_post',
    summary: 'Create Workspace',
    description:
      'Any user with a bearer token (not an access token) creates a workspace and becomes its owner. With the provisioning scope, `firstMemberId` names another user as the first owner. `Location` points to the new workspace.',
  })
  @ApiJsonBody(CreateWorkspaceRequestDto)
  @ApiCreatedResponse({
    type: CreateWorkspaceResponseDto,
    description: 'Successful Response',
    headers: { Location: { description: 'The new workspace: `/api/v1/workspaces/{id}`', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(403, 422)
  async create(
    @Body() body: CreateWorkspaceRequestDto,
    @CurrentActor() actor: Actor,
    @ResponseHeaders() headers: ResponseHeaders,
  ): Promise<CreateWorkspaceResponseDto> {
    const { workspace, owner } = await this.createWorkspace.execute({
      actor,
      name: body.name,
      billingAccountEmail: body.billingAccountEmail,
      firstMemberId: body.firstMemberId,
    });
    headers.set('location', `/api/v1/workspaces/${workspace.id}`);
    return CreateWorkspaceResponseDto.from(workspace, owner);
  }

  @Get()
  @ApiOperation({
    operationId: 'list_workspaces_api_v1_workspaces_get',
    summary: 'List Workspaces',
    description:
      'The caller’s workspaces in the order they joined them, a page at a time (beyond the reference API). Any authenticated caller; an access token sees its own workspace only.',
  })
  @ApiOkResponse({ type: WorkspaceListResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(422)
  async list(@Query() query: ListWorkspacesQueryDto, @CurrentActor() actor: Actor): Promise<WorkspaceListResponseDto> {
    const page = await this.listWorkspaces.execute({ actor, limit: query.limit ?? 20, after: query.cursor });
    return {
      data: page.workspaces.map((workspace) => ListedWorkspaceDto.fromSummary(workspace)),
      nextCursor: page.next ? JoinOrderCursor.encode(page.next) : null,
    };
  }

  @Get(':workspace_id')
  @ApiOperation({
    operationId: 'get_workspace_api_v1_workspaces__workspace_id__get',
    summary: 'Get Workspace',
    description:
      'Any member of the workspace (beyond the reference API); `expand=workspaceMemberships` adds its memberships. Everyone else gets 404.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiQuery(EXPAND_WORKSPACE_MEMBERSHIPS_QUERY)
  @ApiQuery(MEMBERSHIP_PAGE_QUERIES[0])
  @ApiQuery(MEMBERSHIP_PAGE_QUERIES[1])
  @ApiOkResponse({ type: WorkspaceResponseDto, description: 'Successful Response', headers: NEXT_CURSOR_RESPONSE_HEADER })
  @ApiErrorResponses(WorkspaceNotFound, 422)
  async get(
    @Param() params: WorkspaceIdParamsDto,
    @Query() query: GetWorkspaceQueryDto,
    @CurrentActor() actor: Actor,
    @ResponseHeaders() headers: ResponseHeaders,
  ): Promise<WorkspaceResponseDto | StreamableFile> {
    const { workspace, memberships } = await this.getWorkspace.execute({
      actor,
      workspaceId: params.workspace_id,
      withMemberships: query.expand === EXPAND_WORKSPACE_MEMBERSHIPS,
      page: membershipPageOf(query),
    });
    return withMemberships(WorkspaceResponseDto.of(workspace, memberships && []), memberships, headers);
  }

  @Patch(':workspace_id')
  @ApiOperation({
    operationId: 'update_workspace_name_api_v1_workspaces__workspace_id__patch',
    summary: 'Update Workspace Name',
    description: 'Owners and admins rename the workspace; members get 403, everyone else 404.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiQuery(EXPAND_WORKSPACE_MEMBERSHIPS_QUERY)
  @ApiJsonBody(UpdateWorkspaceNameRequestDto)
  @ApiOkResponse({ type: WorkspaceResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, 422)
  async rename(
    @Param() params: WorkspaceIdParamsDto,
    @Query() query: ExpandWorkspaceMembershipsQueryDto,
    @Body() body: UpdateWorkspaceNameRequestDto,
    @CurrentActor() actor: Actor,
    @ResponseHeaders() headers: ResponseHeaders,
  ): Promise<WorkspaceResponseDto | StreamableFile> {
    const { workspace, memberships } = await this.renameWorkspace.execute({
      actor,
      workspaceId: params.workspace_id,
      name: body.name,
      withMemberships: query.expand === EXPAND_WORKSPACE_MEMBERSHIPS,
    });
    return withMemberships(WorkspaceResponseDto.of(workspace, memberships && []), memberships, headers);
  }

  @Delete(':workspace_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'delete_workspace_api_v1_workspaces__workspace_id__delete',
    summary: 'Delete Workspace',
    description: 'Owners delete the workspace with its memberships and their access tokens; admins and members get 403, everyone else 404.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiNoContentResponse({ description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, 422)
  async delete(@Param() params: WorkspaceIdParamsDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.deleteWorkspace.execute({ actor, workspaceId: params.workspace_id });
  }
}

/**
 * The workspace's answer, with its memberships written batch by batch when it has them (and the next
 * page's cursor in Next-Cursor), else as it is.
 */
function withMemberships(
  dto: WorkspaceResponseDto,
  memberships: MembershipBatches | null,
  headers: ResponseHeaders,
): WorkspaceResponseDto | StreamableFile {
  if (!memberships) return dto;
  if (memberships.next) headers.set(NEXT_CURSOR_HEADER, MembershipListCursor.encode(memberships.next));
  if (memberships.whole) {
    dto.memberships = memberships.whole.map(({ membership }) => WorkspaceMembershipDto.from(membership));
    return dto;
  }
  return jsonStreamWithArray(dto, 'memberships', memberships.batches, ({ membership }) => WorkspaceMembershipDto.from(membership));
}
