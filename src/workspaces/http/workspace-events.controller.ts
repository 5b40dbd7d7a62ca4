import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import { ListWorkspaceEventsUseCase } from '../application/list-workspace-events.use-case.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceNotFound } from '../domain/workspace.errors.js';
import { WorkspaceEventCursor } from './workspace-event-cursor.js';
import { EVENT_TYPE_QUERY, ListWorkspaceEventsQueryDto } from './workspace-event.request.dto.js';
import { WorkspaceEventDto, WorkspaceEventListResponseDto } from './workspace-event.response.dto.js';
import { WORKSPACE_ID_PARAM, WorkspaceIdParamsDto } from '../../common/http/workspace-id.params.js';

@ApiTags('workspaces')
@ApiWorkspaceAuth()
@Controller('api/v1/workspaces')
export class WorkspaceEventsController {
  constructor(private readonly listEvents: ListWorkspaceEventsUseCase) {}

  @Get(':workspace_id/events')
  @ApiOperation({
    operationId: 'list_workspace_events_api_v1_workspaces__workspace_id__events_get',
    summary: 'List Workspace Events',
    description:
      'The audit log (beyond the reference API): every change to the workspace, its memberships, access tokens and invitations, newest first, a page at a time; `type` (repeatable) filters. Owners and admins (who do not see the billing address); members get 403, everyone else 404.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiQuery(EVENT_TYPE_QUERY)
  @ApiOkResponse({ type: WorkspaceEventListResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, 422)
  async list(
    @Param() params: WorkspaceIdParamsDto,
    @Query() query: ListWorkspaceEventsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspaceEventListResponseDto> {
    const page = await this.listEvents.execute({
      actor,
      workspaceId: params.workspace_id,
      types: query.type,
      before: query.cursor,
      limit: query.limit ?? 20,
    });
    return {
      data: page.events.map((event) => WorkspaceEventDto.from(event)),
      nextCursor: page.next === null ? null : WorkspaceEventCursor.encode(page.next),
    };
  }
}
