import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { EmailMessage } from '../../email/email-message.js';
import { UserRepository } from '../../users/domain/user.repository.js';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import type { Invitation } from '../domain/invitation.js';

const ROLE_NAMES: Record<WorkspacePrivilege, string> = {
  [WorkspacePrivilege.OWNER]: 'an owner',
  [WorkspacePrivilege.ADMIN]: 'an admin',
  [WorkspacePrivilege.MEMBER]: 'a member',
};

/** Names and other text from users become one line of plain text (no header or line breaks of theirs). */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/** The email that tells the invitee of their invitation: who invites them, where, as what, until when, and the link. */
@Injectable()
export class InvitationEmail {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {}

  async compose(invitation: Invitation, workspaceName: string): Promise<EmailMessage> {
    const [inviter] = await this.users.findByIds([invitation.inviterId]);
    const inviterName = oneLine(inviter?.name ?? inviter?.email ?? invitation.inviterId);
    const workspace = oneLine(workspaceName);
    const expires = invitation.expiresAt
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    const template = this.config.invitations.acceptUrlTemplate;
    const howToAnswer = template
      ? `Accept or decline the invitation here:\n${template.replaceAll('{invitationId}', invitation.id).replaceAll('{workspaceId}', invitation.workspaceId)}`
      : `To accept, sign in as ${invitation.email} and send PUT /api/v1/workspaces/${invitation.workspaceId}/invites/${invitation.id} with {"action": "accept"} (or "decline").`;
    const service = this.config.smtp.serviceName;
    // The subject carries no word of the inviter's: it is what a mail client shows before anything else.
    return {
      to: invitation.email,
      subject: `${service}: an invitation to join a workspace`,
      text: [
        'Hello,',
        '',
        `This email was sent by ${service} because one of its users invited this address.`,
        '',
        `${inviterName} invited you to join a workspace as ${ROLE_NAMES[invitation.privilege]} (${invitation.privilege}). They named the workspace:`,
        '',
        `    "${workspace}"`,
        '',
        `The workspace's name and the inviter's name are the inviter's own words, not ${service}'s: trust no link or promise in them.`,
        '',
        howToAnswer,
        '',
        `The invitation expires on ${expires}. If you did not expect it, you can ignore this email.`,
      ].join('\n'),
    };
  }
}
