import { Invitation } from '../domain/invitation.js';
import { InvitationOrmEntity } from './invitation.orm-entity.js';

export const InvitationMapper = {
  toDomain(row: InvitationOrmEntity): Invitation {
    return Invitation.restore({
      id: row.id,
      workspaceId: row.workspaceId,
      email: row.email,
      privilege: row.privilege,
      inviterId: row.inviterId,
      status: row.status,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      expiresAt: row.expiresAt,
    });
  },

  toPersistence(invitation: Invitation): InvitationOrmEntity {
    const row = new InvitationOrmEntity();
    row.id = invitation.id;
    row.workspaceId = invitation.workspaceId;
    row.email = invitation.email;
    row.emailKey = invitation.emailKey;
    row.privilege = invitation.privilege;
    row.inviterId = invitation.inviterId;
    row.status = invitation.storedStatus;
    row.createdAt = invitation.createdAt;
    row.updatedAt = invitation.updatedAt;
    row.expiresAt = invitation.expiresAt;
    return row;
  },
};
