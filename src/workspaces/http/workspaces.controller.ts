import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { CreateWorkspaceUseCase } from '../application/create-workspace.use-case.js';
import { CreateWorkspaceRequestDto } from './create-workspace.request.dto.js';
import { CreateWorkspaceResponseDto } from './workspace.response.dto.js';

@ApiTags('workspaces')
// Either credential is accepted (as in the contract: Bearer, then Basic).
@ApiSecurity('Basic')
@ApiBearerAuth('Bearer')
@Controller('api/v1/workspaces')
export class WorkspacesController {
  constructor(private readonly createWorkspace: CreateWorkspaceUseCase) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ operationId: 'create_workspace_api_v1_workspaces_post', summary: 'Create Workspace' })
  @ApiBody({ type: CreateWorkspaceRequestDto, required: true })
  @ApiCreatedResponse({ type: CreateWorkspaceResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(401, 403, 422)
  async create(@Body() body: CreateWorkspaceRequestDto, @CurrentPrincipal() principal: Principal): Promise<CreateWorkspaceResponseDto> {
    const workspace = await this.createWorkspace.execute({
      actor: principal,
      name: body.name,
      billingAccountEmail: body.billingAccountEmail,
      firstMemberId: body.firstMemberId,
    });
    return CreateWorkspaceResponseDto.from(workspace);
  }
}
