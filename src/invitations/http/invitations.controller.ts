import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiJsonBody } from '../../common/http/api-error-responses.decorator.js';
import { ApiWorkspaceAuth } from '../../common/http/api-workspace-auth.decorator.js';
import { CurrentActor } from '../../common/http/current-actor.decorator.js';
import { Idempotent } from '../../idempotency/idempotent.decorator.js';
import type { Actor } from '../../kernel/actor.js';
import { WorkspaceNotFound } from '../../workspaces/domain/workspace.errors.js';
import { WORKSPACE_ID_PARAM, WorkspaceIdParamsDto } from '../../common/http/workspace-id.params.js';
import { AnswerInvitationUseCase } from '../application/answer-invitation.use-case.js';
import { CreateInvitationUseCase } from '../application/create-invitation.use-case.js';
import { ListOwnInvitationsUseCase } from '../application/list-own-invitations.use-case.js';
import { ListWorkspaceInvitationsUseCase } from '../application/list-workspace-invitations.use-case.js';
import { RevokeInvitationUseCase } from '../application/revoke-invitation.use-case.js';
import { InvitationNotFound, InvitationsNotVisible } from '../domain/invitation.errors.js';
import { CreateInviteRequestDto, INVITATION_ID_PARAM, InvitationParamsDto, ProcessInviteRequestDto } from './invitation.request.dto.js';
import { InviteResponseDto, ListInvitesResponseDto, ListUserInvitesResponseDto } from './invitation.response.dto.js';

/** Invitations by email: a workspace's (owners, admins, inviters) and the caller's own (the invitee). */
@ApiTags('invites')
@ApiWorkspaceAuth()
@Controller('api/v1')
export class InvitationsController {
  constructor(
    private readonly createInvitation: CreateInvitationUseCase,
    private readonly listWorkspaceInvitations: ListWorkspaceInvitationsUseCase,
    private readonly answerInvitation: AnswerInvitationUseCase,
    private readonly revokeInvitation: RevokeInvitationUseCase,
    private readonly listOwnInvitations: ListOwnInvitationsUseCase,
  ) {}

  @Post('workspaces/:workspace_id/invites')
  @HttpCode(HttpStatus.CREATED)
  @Idempotent()
  @ApiOperation({
    operationId: 'create_invite_api_v1_workspaces__workspace_id__invites_post',
    summary: 'Create Invite',
    description:
      'Invites an email address with one role, by the rules for adding a member of that role (owners: any role; admins: admins and members; members: 403; outsiders: 404). The invitee is emailed a link; the invitation expires after INVITATION_EXPIRY_DAYS (7 by default). An address that already belongs to a member, or already has a pending invitation, is refused with 409, as is an invitation past the pending limit.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiJsonBody(CreateInviteRequestDto)
  @ApiCreatedResponse({ type: InviteResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, 409, 422)
  async create(
    @Param() params: WorkspaceIdParamsDto,
    @Body() body: CreateInviteRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<InviteResponseDto> {
    const listing = await this.createInvitation.execute({
      actor,
      workspaceId: params.workspace_id,
      email: body.email,
      privilege: body.privilege,
    });
    return InviteResponseDto.from(listing, new Date());
  }

  @Get('workspaces/:workspace_id/invites')
  @ApiOperation({
    operationId: 'list_invites_api_v1_workspaces__workspace_id__invites_get',
    summary: 'List Invites',
    description:
      "The workspace's invitations in every status, newest first: owners see all, admins those of admins and members (and their own). Members: 403; outsiders: 404.",
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiOkResponse({ type: ListInvitesResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(InvitationsNotVisible, WorkspaceNotFound, 422)
  async list(@Param() params: WorkspaceIdParamsDto, @CurrentActor() actor: Actor): Promise<ListInvitesResponseDto> {
    const listings = await this.listWorkspaceInvitations.execute({ actor, workspaceId: params.workspace_id });
    const now = new Date();
    return { invites: listings.map((listing) => InviteResponseDto.from(listing, now)) };
  }

  @Put('workspaces/:workspace_id/invites/:invitation_id')
  @ApiOperation({
    operationId: 'process_invite_api_v1_workspaces__workspace_id__invites__invitation_id__put',
    summary: 'Process Invite',
    description:
      "Only the invitee accepts or declines: a bearer token whose verified email (`email` with `email_verified: true`) is the invitation's mailbox (the domain without regard to case, the part before the @ exactly but for ASCII case: README, Invitations). Accepting adds the membership with the invited role. A workspace access token or an unverified email: 403; an invitation that is not pending (accepted, declined, revoked, expired) or an invitee who is already a member: 409, with nothing changed.",
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiParam(INVITATION_ID_PARAM)
  @ApiJsonBody(ProcessInviteRequestDto)
  @ApiOkResponse({ type: InviteResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(403, WorkspaceNotFound, InvitationNotFound, 409, 422)
  async process(
    @Param() params: InvitationParamsDto,
    @Body() body: ProcessInviteRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<InviteResponseDto> {
    const listing = await this.answerInvitation.execute({
      actor,
      workspaceId: params.workspace_id,
      invitationId: params.invitation_id,
      answer: body.action,
    });
    return InviteResponseDto.from(listing, new Date());
  }

  @Delete('workspaces/:workspace_id/invites/:invitation_id')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'revoke_invite_api_v1_workspaces__workspace_id__invites__invitation_id__delete',
    summary: 'Revoke Invite',
    description:
      'Withdraws a pending invitation: its inviter, owners, and admins for invitations of admins and members. Anyone else: 404; an invitation that is not pending: 409.',
  })
  @ApiParam(WORKSPACE_ID_PARAM)
  @ApiParam(INVITATION_ID_PARAM)
  @ApiOkResponse({ type: InviteResponseDto, description: 'Successful Response' })
  @ApiErrorResponses(WorkspaceNotFound, InvitationNotFound, 409, 422)
  async revoke(@Param() params: InvitationParamsDto, @CurrentActor() actor: Actor): Promise<InviteResponseDto> {
    const listing = await this.revokeInvitation.execute({ actor, workspaceId: params.workspace_id, invitationId: params.invitation_id });
    return InviteResponseDto.from(listing, new Date());
  }

  @Get('invites')
  @ApiOperation({
    operationId: 'list_user_invites_api_v1_invites_get',
    summary: 'List User Invites',
    description:
      "Get all valid invites for the authenticated user: the pending, unexpired invitations to the caller's verified email, newest first. A workspace access token or an unverified email: 403.",
  })
  @ApiOkResponse({ type: ListUserInvitesResponseDto, description: 'List of invites for the user' })
  @ApiErrorResponses(403)
  async listOwn(@CurrentActor() actor: Actor): Promise<ListUserInvitesResponseDto> {
    const listings = await this.listOwnInvitations.execute({ actor });
    const now = new Date();
    return { invites: listings.map((listing) => InviteResponseDto.from(listing, now)) };
  }
}
