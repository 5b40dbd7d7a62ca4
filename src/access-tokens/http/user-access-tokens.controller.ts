import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import { presentedTokenForms } from '../../common/http/presented-token.js';
import { Idempotent } from '../../idempotency/idempotent.decorator.js';
import type { Actor } from '../../kernel/actor.js';
import { CreateUserAccessTokenUseCase } from '../application/create-user-access-token.use-case.js';
import { DeleteUserAccessTokenUseCase } from '../application/delete-user-access-token.use-case.js';
import { ListUserAccessTokensUseCase } from '../application/list-user-access-tokens.use-case.js';
import { LookupUserAccessTokenUseCase } from '../application/lookup-user-access-token.use-case.js';
import { AccessTokenNotFound } from '../domain/access-token.errors.js';
import {
  CreateUserAccessTokenRequestDto,
  ListUserAccessTokensQueryDto,
  LookupUserAccessTokenRequestDto,
  USER_TOKEN_PAGE_MAX,
  UserAccessTokenParamsDto,
} from './user-access-token.request.dto.js';
import {
  CreateUserAccessTokenResponseDto,
  ListUserAccessTokensResponseDto,
  LookupUserAccessTokenResponseDto,
  UserAccessTokenResponseDto,
} from './user-access-token.response.dto.js';

/** User ("subject") access tokens: personal tokens that act as their user in all of the user's workspaces. */
@ApiTags('access-tokens')
@ApiWorkspaceAuth()
@Controller('api/v1/access-tokens')
export class UserAccessTokensController {
  constructor(
    private readonly createToken: CreateUserAccessTokenUseCase,
    private readonly listTokens: ListUserAccessTokensUseCase,
    private readonly deleteToken: DeleteUserAccessTokenUseCase,
    private readonly lookupToken: LookupUserAccessTokenUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Idempotent({ responseHasSecret: true })
  @ApiOperation({
    operationId: 'create_access_token_api_v1_access_tokens_post',
    summary: 'Create Access Token',
    description:
      'A personal token of the caller, made with their bearer token (an access token of either kind gets 403). Sent as `Authorization: Basic <base64 of the token>`, it acts as the caller in every workspace they belong to, with their role there. The secret (`tokenString`, `usat_…`) is shown in this answer only.',
  })
  @ApiJsonBody(CreateUserAccessTokenRequestDto)
  @ApiCreatedResponse({ type: CreateUserAccessTokenResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, 422)
  async create(@Body() body: CreateUserAccessTokenRequestDto, @CurrentActor() actor: Actor): Promise<CreateUserAccessTokenResponseDto> {
    const { token, secret } = await this.createToken.execute({ actor, name: body.name, expiresAt: body.expiresAt ?? null });
    return { token: UserAccessTokenResponseDto.from(token), tokenString: secret };
  }

  @Get()
  @ApiOperation({
    operationId: 'list_access_tokens_api_v1_access_tokens_get',
    summary: 'List Access Tokens',
    description:
      "The caller's user access tokens, oldest first, without secrets; `subject_id` another user's, which needs the provisioning scope (else 403). `skip` and `limit` page through them. With a bearer token or a user token; a workspace access token gets 403.",
  })
  @ApiQuery({ name: 'subject_id', required: false, schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Subject Id' } })
  @ApiQuery({ name: 'skip', required: false, schema: { type: 'integer', minimum: 0, default: 0, title: 'Skip' } })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', maximum: USER_TOKEN_PAGE_MAX, minimum: 1, default: USER_TOKEN_PAGE_MAX, title: 'Limit' },
  })
  @ApiOkResponse({ type: ListUserAccessTokensResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, 422)
  async list(@Query() query: ListUserAccessTokensQueryDto, @CurrentActor() actor: Actor): Promise<ListUserAccessTokensResponseDto> {
    const tokens = await this.listTokens.execute({
      actor,
      subjectId: query.subject_id ?? null,
      skip: query.skip ?? 0,
      limit: query.limit ?? USER_TOKEN_PAGE_MAX,
    });
    return { data: tokens.map((token) => UserAccessTokenResponseDto.from(token)) };
  }

  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'lookup_access_token_api_v1_access_tokens_lookup_post',
    summary: 'Lookup Global Access Token ID',
    description:
      'Converts a user access token (raw, or base64 as in the Authorization header) into its id, for its user (or a caller with the provisioning scope). Anything else is 404; a workspace access token gets 403. The secret is not stored.',
  })
  @ApiJsonBody(LookupUserAccessTokenRequestDto)
  @ApiOkResponse({ type: LookupUserAccessTokenResponseDto, description: 'Access token ID lookup successful.' })
  @ApiErrorResponses(403, AccessTokenNotFound, 422)
  async lookup(@Body() body: LookupUserAccessTokenRequestDto, @CurrentActor() actor: Actor): Promise<LookupUserAccessTokenResponseDto> {
    return { accessTokenId: await this.lookupToken.execute({ actor, secretForms: presentedTokenForms(body.accessToken) }) };
  }

  @Delete(':token_id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'delete_access_token_api_v1_access_tokens__token_id__delete',
    summary: 'Delete Access Token',
    description:
      "Deletes one of the caller's user access tokens (any user's, with the provisioning scope); it is refused from the next request on, on every replica. Anything else is 404; a workspace access token gets 403.",
  })
  @ApiParam({ name: 'token_id', schema: { type: 'string', format: 'uuid4', title: 'Token Id' } })
  @ApiNoContentResponse({ description: 'Successful Response' })
  @ApiErrorResponses(403, AccessTokenNotFound, 422)
  async delete(@Param() params: UserAccessTokenParamsDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.deleteToken.execute({ actor, tokenId: params.token_id });
  }
}
