import { CreateWorkspaces1764270000000 } from './1764270000000-create-workspaces.js';
import { CreateUsers1764280000000 } from './1764280000000-create-users.js';
import { CreateIdempotencyKeys1764290000000 } from './1764290000000-create-idempotency-keys.js';
import { NotifyAccessTokenRevocations1764300000000 } from './1764300000000-notify-access-token-revocations.js';
import { CreateInvitationsAndOutbox1764310000000 } from './1764310000000-create-invitations-and-outbox.js';
import { CreateUserAccessTokens1764320000000 } from './1764320000000-create-user-access-tokens.js';
import { CreateEventsAndOrderedOutbox1764330000000 } from './1764330000000-create-events-and-ordered-outbox.js';
import { CompareMailboxes1764340000000 } from './1764340000000-compare-mailboxes.js';
import { CountInvitationEmails1764350000000 } from './1764350000000-count-invitation-emails.js';
import { KeyEventPageMarks1764360000000 } from './1764360000000-key-event-page-marks.js';
import { IndexWorkspaceMembersByJoinTime1764370000000 } from './1764370000000-index-workspace-members-by-join-time.js';
import { CountWorkspaceMembers1764380000000 } from './1764380000000-count-workspace-members.js';
import { IndexMembersByUserAndRole1764390000000 } from './1764390000000-index-members-by-user-and-role.js';

/** Every migration, in order. A new migration file is added here too. */
export const migrations = [
  CreateWorkspaces1764270000000,
  CreateUsers1764280000000,
  CreateIdempotencyKeys1764290000000,
  NotifyAccessTokenRevocations1764300000000,
  CreateInvitationsAndOutbox1764310000000,
  CreateUserAccessTokens1764320000000,
  CreateEventsAndOrderedOutbox1764330000000,
  CompareMailboxes1764340000000,
  CountInvitationEmails1764350000000,
  KeyEventPageMarks1764360000000,
  IndexWorkspaceMembersByJoinTime1764370000000,
  CountWorkspaceMembers1764380000000,
  IndexMembersByUserAndRole1764390000000,
];
