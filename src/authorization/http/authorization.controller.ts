import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import { JoinOrderCursor } from '../../common/http/join-order-cursor.js';
import type { Actor } from '../../kernel/actor.js';
import { CheckAuthorizationsUseCase } from '../application/check-authorizations.use-case.js';
import { ListAllowedWorkspacesUseCase } from '../application/list-allowed-workspaces.use-case.js';
import { AuthorizationCheckRequestDto, CHECKS_PER_REQUEST_MAX, ListAllowedWorkspacesQueryDto } from './authorization.request.dto.js';
import { AllowedWorkspaceListResponseDto, AuthorizationCheckResponseDto } from './authorization.response.dto.js';

@ApiTags('authorization')
@ApiWorkspaceAuth()
@Controller('api/v1/authorization')
export class AuthorizationController {
  constructor(
    private readonly checkAuthorizations: CheckAuthorizationsUseCase,
    private readonly listAllowedWorkspaces: ListAllowedWorkspacesUseCase,
  ) {}

  @Post('check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'check_authorization_api_v1_authorization_check_post',
    summary: 'Check Authorization',
    description: `Beyond the reference API: may this user do this action in this workspace? Up to ${CHECKS_PER_REQUEST_MAX} questions, answered in the order asked from one read of the database, by the rules the endpoints apply. A workspace that does not exist and one the user is not in both answer \`allowed: false, privilege: null\`. Nothing is cached: a change answered before the check is reflected in it, on every replica.`,
  })
  @ApiJsonBody(AuthorizationCheckRequestDto)
  @ApiOkResponse({ type: AuthorizationCheckResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, 422)
  async check(@Body() body: AuthorizationCheckRequestDto, @CurrentActor() actor: Actor): Promise<AuthorizationCheckResponseDto> {
    return { results: await this.checkAuthorizations.execute(actor, body.checks) };
  }

  @Get('workspaces')
  @ApiOperation({
    operationId: 'list_allowed_workspaces_api_v1_authorization_workspaces_get',
    summary: 'List Allowed Workspaces',
    description:
      'Beyond the reference API: the workspaces in which the user may do `action`, with their role there, in the order they joined them, a page at a time.',
  })
  @ApiOkResponse({ type: AllowedWorkspaceListResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, 422)
  async allowedWorkspaces(
    @Query() query: ListAllowedWorkspacesQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<AllowedWorkspaceListResponseDto> {
    const page = await this.listAllowedWorkspaces.execute({
      actor,
      action: query.action,
      userId: query.user_id,
      after: query.cursor,
      limit: query.limit ?? 20,
    });
    return {
      data: page.roles.map(({ workspaceId, privilege }) => ({ workspaceId, privilege })),
      nextCursor: page.next ? JoinOrderCursor.encode(page.next) : null,
    };
  }
}
