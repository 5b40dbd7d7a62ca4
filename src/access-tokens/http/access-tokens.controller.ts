import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import type { Actor } from '../../kernel/actor.js';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { presentedTokenForms } from '../../common/http/presented-token.js';
import { CreateAccessTokenUseCase } from '../application/create-access-token.use-case.js';
import { DeleteAccessTokenUseCase } from '../application/delete-access-token.use-case.js';
import { ListAccessTokensUseCase } from '../application/list-access-tokens.use-case.js';
import { LookupAccessTokenUseCase } from '../application/lookup-access-token.use-case.js';
import {
  AccessTokenParamsDto,
  CreateWorkspaceAccessTokenRequestDto,
  LookupWorkspaceAccessTokenRequestDto,
} from './access-token.request.dto.js';
import {
  AccessTokenResponseDto,
  CreateWorkspaceAccessTokenResponseDto,
  ListAccessTokenResponseDto,
  LookupWorkspaceAccessTokenResponseDto,
} from './access-token.response.dto.js';
import { WORKSPACE_ID_PARAM, WorkspaceIdParamsDto } from '../../common/http/workspace-id.params.js';
import { Idempotent } from '../../idempotency/idempotent.decorator.js';

/** The caller's own access tokens in a workspace. */
@ApiTags('access-tokens')
@ApiWorkspaceAuth()
@ApiParam(WORKSPACE_ID_PARAM)
@Controller('api/v1/workspaces/:workspace_id/access-tokens')
export class AccessTokensController {
  constructor(
    private readonly createToken: CreateAccessTokenUseCase,
    private readonly listTokens: ListAccessTokensUseCase,
    private readonly deleteToken: DeleteAccessTokenUseCase,
    private readonly lookupToken: LookupAccessTokenUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Idempotent({ responseHasSecret: true })
  @ApiOperation({
    operationId: 'create_access_token_api_v1_workspaces__workspace_id__access_tokens_post',
    summary: 'Create Access Token',
    description:
      'Any member of the workspace, with their bearer token (not with an access token), creates a token that acts as their own membership. The secret (`tokenString`) is shown in this answer only.',
  })
  @ApiJsonBody(CreateWorkspaceAccessTokenRequestDto)
  @ApiCreatedResponse({ type: CreateWorkspaceAccessTokenResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, MembershipNotFound, 422)
  async create(
    @Param() params: WorkspaceIdParamsDto,
    @Body() body: CreateWorkspaceAccessTokenRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreateWorkspaceAccessTokenResponseDto> {
    const { token, secret } = await this.createToken.execute({
      actor,
      workspaceId: params.workspace_id,
      name: body.name,
      expiresAt: body.expiresAt ?? null,
    });
    return { privateToken: AccessTokenResponseDto.from(token), tokenString: secret };
  }

  @Get()
  @ApiOperation({
    operationId: 'list_access_tokens_api_v1_workspaces__workspace_id__access_tokens_get',
    summary: 'List Access Tokens',
    description: 'Any member of the workspace: their own tokens in it, oldest first, without secrets. Outsiders get 404.',
  })
  @ApiOkResponse({ type: [ListAccessTokenResponseDto], description: 'Successful Response' })
  @ApiErrorResponses(MembershipNotFound, 422)
  async list(@Param() params: WorkspaceIdParamsDto, @CurrentActor() actor: Actor): Promise<ListAccessTokenResponseDto[]> {
    const tokens = await this.listTokens.execute({ actor, workspaceId: params.workspace_id });
    return tokens.map((token) => ListAccessTokenResponseDto.from(token));
  }

  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'lookup_workspace_access_token_api_v1_workspaces__workspace_id__access_tokens_lookup_post',
    summary: 'Lookup Workspace Access Token ID',
    description:
      'Converts a workspace access token (raw, or base64 as in the Authorization header) into its id within the workspace. Any member, for their own tokens; owners and admins also for the tokens of members they may remove. Anything else is 404.',
  })
  @ApiJsonBody(LookupWorkspaceAccessTokenRequestDto)
  @ApiOkResponse({ type: LookupWorkspaceAccessTokenResponseDto, description: 'Access token ID lookup successful.' })
  @ApiErrorResponses(403, MembershipNotFound, AccessTokenNotFound, 422)
  async lookup(
    @Param() params: WorkspaceIdParamsDto,
    @Body() body: LookupWorkspaceAccessTokenRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<LookupWorkspaceAccessTokenResponseDto> {
    const accessTokenId = await this.lookupToken.execute({
      actor,
      workspaceId: params.workspace_id,
      secretForms: presentedTokenForms(body.accessToken),
    });
    return { accessTokenId };
  }

  @Delete(':token_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'delete_access_token_api_v1_workspaces__workspace_id__access_tokens__token_id__delete',
    summary: 'Delete Access Token',
    description:
      'Revokes a token from the next request on, on every replica. Any member, for their own tokens; owners and admins also for the tokens of members they may remove. Anything else is 404.',
  })
  @ApiParam({ name: 'token_id', schema: { type: 'string', format: 'uuid4', title: 'Token Id' } })
  @ApiNoContentResponse({ description: 'Successful Response' })
  @ApiErrorResponses(MembershipNotFound, AccessTokenNotFound, 422)
  async delete(@Param() params: AccessTokenParamsDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.deleteToken.execute({ actor, workspaceId: params.workspace_id, tokenId: params.token_id });
  }
}
