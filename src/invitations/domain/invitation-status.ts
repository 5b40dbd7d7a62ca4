export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_ANSWERS = ['accept', 'decline'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];
