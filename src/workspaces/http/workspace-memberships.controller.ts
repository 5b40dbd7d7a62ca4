import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { jsonStreamWithArray } from '../../common/http/json-stream.js';
import { ResponseHeaders } from '../../common/http/response-headers.decorator.js';
import { MembershipListCursor, NEXT_CURSOR_HEADER, NEXT_CURSOR_RESPONSE_HEADER } from './membership-list-cursor.js';
import { LastOwnerCannotLeave, MemberAlreadyExists, MembershipNotFound, WorkspaceNotFound } from '../domain/workspace.errors.js';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import type { Actor } from '../../kernel/actor.js';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { AddWorkspaceMemberUseCase } from '../application/add-workspace-member.use-case.js';
import { GetWorkspaceMembershipUseCase } from '../application/get-workspace-membership.use-case.js';
import { ListWorkspaceMembershipsUseCase } from '../application/list-workspace-memberships.use-case.js';
import { RemoveWorkspaceMembershipUseCase } from '../application/remove-workspace-membership.use-case.js';
import {
  CreateWorkspaceMembershipRequestDto,
  GetWorkspaceMembershipQueryDto,
  ListWorkspaceMembershipsQueryDto,
  MEMBERSHIP_EXPANSIONS,
  MEMBERSHIP_PAGE_QUERIES,
  membershipPageOf,
  WorkspaceMembershipIdParamsDto,
} from './workspace-membership.request.dto.js';
import {
  CreateWorkspaceMembershipResponseDto,
  ListedWorkspaceMembershipDto,
  WorkspaceMembershipsListResponseDto,
} from './workspace-membership.response.dto.js';
import { Idempotent } from '../../idempotency/idempotent.decorator.js';

/** `expand` of a listed membership: its user and/or its workspace, repeatable. */
const EXPAND_MEMBERSHIP = {
  name: 'expand',
  required: false,
  schema: { anyOf: [{ type: 'array', items: { enum: [...MEMBERSHIP_EXPANSIONS], type: 'string' } }, { type: 'null' }], title: 'Expand' },
} as const;

const MEMBERSHIP_ID_PARAM = {
  name: 'workspace_membership_id',
  schema: { type: 'string', format: 'uuid4', title: 'Workspace Membership Id' },
} as const;

@ApiTags('workspace-memberships')
@ApiWorkspaceAuth()
@Controller('api/v1/workspace-memberships')
export class WorkspaceMembershipsController {
  constructor(
    private readonly addMember: AddWorkspaceMemberUseCase,
    private readonly listMemberships: ListWorkspaceMembershipsUseCase,
    private readonly getMembership: GetWorkspaceMembershipUseCase,
    private readonly removeMembership: RemoveWorkspaceMembershipUseCase,
  ) {}

  /** The contract answers 200 here, not 201. */
  @Post()
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({
    operationId: 'create_workspace_membership_api_v1_workspace_memberships_post',
    summary: 'Create Workspace Membership',
    description:
      'Owners add anyone with any role; admins add admins and members; members may not add (403). Someone who is not a member of the workspace gets 404; a user who is already a member, 409.',
  })
  @ApiJsonBody(CreateWorkspaceMembershipRequestDto)
  @ApiOkResponse({ type: CreateWorkspaceMembershipResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, MemberAlreadyExists, 422)
  async create(
    @Body() body: CreateWorkspaceMembershipRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreateWorkspaceMembershipResponseDto> {
    const membership = await this.addMember.execute({
      actor,
      workspaceId: body.workspaceId,
      userId: body.userId,
      privilege: body.privileges?.[0],
    });
    return CreateWorkspaceMembershipResponseDto.fromNew(membership);
  }

  @Get()
  @ApiOperation({
    operationId: 'list_workspace_memberships_api_v1_workspace_memberships_get',
    summary: 'List Workspace Memberships',
    description:
      "Any authenticated caller: the memberships of the workspaces they belong to (an access token: of its workspace only), narrowed by `user_id` and `workspace_id`; `expand` adds each membership's user and/or workspace.",
  })
  // Written out: Swagger's reading of the query class drops the lists' item formats, the enum and the null.
  @ApiQuery({
    name: 'user_id',
    required: false,
    schema: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }], title: 'User Id' },
  })
  @ApiQuery({
    name: 'workspace_id',
    required: false,
    schema: { anyOf: [{ type: 'array', items: { type: 'string', format: 'uuid4' } }, { type: 'null' }], title: 'Workspace Id' },
  })
  @ApiQuery(EXPAND_MEMBERSHIP)
  @ApiQuery(MEMBERSHIP_PAGE_QUERIES[0])
  @ApiQuery(MEMBERSHIP_PAGE_QUERIES[1])
  @ApiOkResponse({ type: WorkspaceMembershipsListResponseDto, description: 'Successful Response', headers: NEXT_CURSOR_RESPONSE_HEADER })
  @ApiErrorResponses(422)
  async list(
    @Query() query: ListWorkspaceMembershipsQueryDto,
    @CurrentActor() actor: Actor,
    @ResponseHeaders() headers: ResponseHeaders,
  ): Promise<WorkspaceMembershipsListResponseDto | StreamableFile> {
    const expand = new Set(query.expand ?? []);
    const { batches, next, whole } = await this.listMemberships.execute({
      actor,
      userIds: query.user_id,
      workspaceIds: query.workspace_id,
      withUsers: expand.has('user'),
      page: membershipPageOf(query),
    });
    if (next) headers.set(NEXT_CURSOR_HEADER, MembershipListCursor.encode(next));
    if (whole) return { data: whole.map((listing) => ListedWorkspaceMembershipDto.fromListing(listing, expand)) };
    // `{"data": [...]}` (WorkspaceMembershipsListResponseDto), written a batch at a time: a workspace of
    // any size is answered in full without its members all held at once.
    return jsonStreamWithArray({ data: [] }, 'data', batches, (listing) => ListedWorkspaceMembershipDto.fromListing(listing, expand));
  }

  @Get(':workspace_membership_id')
  @ApiOperation({
    operationId: 'get_workspace_membership_api_v1_workspace_memberships__workspace_membership_id__get',
    summary: 'Get Workspace Membership',
    description:
      'Beyond the reference API: one membership, for any member of its workspace (an access token: of its own workspace only), ' +
      'with `expand` as in the listing. Everyone else gets 404, as for a membership that does not exist.',
  })
  @ApiParam(MEMBERSHIP_ID_PARAM)
  @ApiQuery(EXPAND_MEMBERSHIP)
  @ApiOkResponse({ type: ListedWorkspaceMembershipDto, description: 'Successful Response' })
  @ApiErrorResponses(MembershipNotFound, 422)
  async get(
    @Param() params: WorkspaceMembershipIdParamsDto,
    @Query() query: GetWorkspaceMembershipQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ListedWorkspaceMembershipDto> {
    const expand = new Set(query.expand ?? []);
    const listing = await this.getMembership.execute({ actor, membershipId: params.workspace_membership_id, withUser: expand.has('user') });
    return ListedWorkspaceMembershipDto.fromListing(listing, expand);
  }

  @Delete(':workspace_membership_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'delete_workspace_membership_api_v1_workspace_memberships__workspace_membership_id__delete',
    summary: 'Delete Workspace Membership',
    description:
      "Owners remove anyone, admins remove admins and members, everyone may leave (their own membership). The last owner cannot go (409); someone who cannot see the membership gets 404. The removed member's access tokens stop working at once.",
  })
  @ApiParam(MEMBERSHIP_ID_PARAM)
  @ApiNoContentResponse({ description: 'Successful Response' })
  @ApiErrorResponses(403, MembershipNotFound, LastOwnerCannotLeave, 422)
  async delete(@Param() params: WorkspaceMembershipIdParamsDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.removeMembership.execute({ actor, membershipId: params.workspace_membership_id });
  }
}
