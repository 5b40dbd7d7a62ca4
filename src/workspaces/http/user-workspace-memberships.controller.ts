import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import { ResponseHeaders } from '../../common/http/response-headers.decorator.js';
import { ListUserWorkspaceMembershipsUseCase } from '../application/list-user-workspace-memberships.use-case.js';
import type { Actor } from '../../kernel/actor.js';
import { MembershipNotFound } from '../domain/workspace.errors.js';
import { UserWorkspaceMembershipsParamsDto, UserWorkspaceMembershipsQueryDto } from './workspace-membership.request.dto.js';
import { ListedWorkspaceMembershipDto } from './workspace-membership.response.dto.js';

/** `expand` as the contract writes it (a const, or null). */
const EXPAND_WORKSPACE_QUERY = {
  name: 'expand',
  required: false,
  schema: { anyOf: [{ const: 'workspace', type: 'string' }, { type: 'null' }], title: 'Expand' },
} as const;

/** Deprecated in the contract; kept for the clients that still call it. Its successor is GET /api/v1/workspace-memberships?user_id=. */
@ApiTags('workspace-memberships')
@ApiWorkspaceAuth()
@Controller('api/v1/users/:user_id/workspace-memberships')
export class UserWorkspaceMembershipsController {
  constructor(private readonly listMemberships: ListUserWorkspaceMembershipsUseCase) {}

  @Get()
  @ApiOperation({
    operationId: 'list_workspace_membership_api_v1_users__user_id__workspace_memberships_get',
    summary: 'List Workspace Membership',
    deprecated: true,
    description:
      "Deprecated: use `GET /api/v1/workspace-memberships?user_id=` (the `Deprecation` and `Link` headers say so). The caller's own memberships, as a bare array (`expand=workspace` adds each workspace); another user's only with the provisioning scope, else 404.",
  })
  @ApiParam({ name: 'user_id', schema: { type: 'string', title: 'User Id' } })
  @ApiQuery(EXPAND_WORKSPACE_QUERY)
  @ApiOkResponse({ type: [ListedWorkspaceMembershipDto], description: 'Successful Response' })
  @ApiErrorResponses(MembershipNotFound, 422)
  async list(
    @Param() params: UserWorkspaceMembershipsParamsDto,
    @Query() query: UserWorkspaceMembershipsQueryDto,
    @CurrentActor() actor: Actor,
    @ResponseHeaders() headers: ResponseHeaders,
  ): Promise<ListedWorkspaceMembershipDto[]> {
    const listings = await this.listMemberships.execute({ actor, userId: params.user_id });
    headers.set('Deprecation', 'true');
    headers.set('Link', `</api/v1/workspace-memberships?user_id=${encodeURIComponent(params.user_id)}>; rel="successor-version"`);
    const expand = new Set(query.expand === undefined ? [] : [query.expand]);
    return listings.map((listing) => ListedWorkspaceMembershipDto.fromListing(listing, expand));
  }
}
