import { DomainError } from '../../common/domain-error.js';
import { WORKSPACE_NAME_MAX_LENGTH, WORKSPACE_NAME_MIN_LENGTH } from './workspace-rules.js';

export class InvalidWorkspaceName extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'WORKSPACE.INVALID_NAME';
  constructor() {
    super(`The workspace name must be from ${WORKSPACE_NAME_MIN_LENGTH} to ${WORKSPACE_NAME_MAX_LENGTH} characters long`);
  }
}

export class InvalidUserId extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'WORKSPACE.INVALID_USER_ID';
  constructor() {
    super('A user id must not be empty');
  }
}

export class ProvisioningNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'WORKSPACE.PROVISIONING_NOT_ALLOWED';
  constructor() {
    super('Creating a workspace for another user requires the provisioning permission');
  }
}

export class RestrictedCredential extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'WORKSPACE.RESTRICTED_CREDENTIAL';
  constructor(action: 'create workspaces' | 'create access tokens' | 'manage user access tokens') {
    super(
      action === 'manage user access tokens'
        ? "A workspace access token acts in its workspace only: it cannot manage user access tokens; use the user's bearer token"
        : `An access token cannot ${action}; use the user's bearer token`,
    );
  }
}

/** A member whose role does not allow the action. */
export class NotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'WORKSPACE.NOT_ALLOWED';
}

/** Also what a non-member hears about a workspace that exists. */
export class WorkspaceNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'WORKSPACE.NOT_FOUND';
  override readonly detailAsList = true;
  constructor() {
    super('Workspace not found');
  }
}

export class MembershipNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'WORKSPACE_MEMBERSHIP.NOT_FOUND';
  override readonly detailAsList = true;
  constructor() {
    super('Workspace membership not found');
  }
}

export class WorkspaceAlreadyExists extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WORKSPACE.ALREADY_EXISTS';
  constructor() {
    super('A workspace with this id already exists');
  }
}

export class MemberAlreadyExists extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WORKSPACE_MEMBERSHIP.ALREADY_EXISTS';
  constructor() {
    super('The user is already a member of this workspace');
  }
}

export class LastOwnerCannotLeave extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WORKSPACE_MEMBERSHIP.LAST_OWNER';
  override readonly detailAsList = true;
  constructor() {
    super('Cannot delete the last ROLE_WORKSPACE_OWNER of the workspace. Please, delete the workspace instead.');
  }
}

/** A user belongs to as many workspaces as one may (WORKSPACES_PER_USER_LIMIT). */
export class WorkspaceLimitReached extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WORKSPACE.USER_WORKSPACE_LIMIT';
  constructor(limit: number) {
    super(`The user belongs to ${limit} workspaces, the most one may; leave or delete one first`);
  }
}

/** A workspace has as many members as one may (MEMBERS_PER_WORKSPACE_LIMIT). */
export class MemberLimitReached extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WORKSPACE.MEMBER_LIMIT';
  constructor(limit: number) {
    super(`The workspace has ${limit} members, the most it may have; remove one first`);
  }
}
