import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { mayActIn, type Actor } from '../../kernel/actor.js';
import { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import type { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { CheckingOthersNotAllowed } from '../domain/authorization.errors.js';
import { mayDo, type WorkspaceAction } from '../domain/workspace-actions.js';

export interface AuthorizationQuestion {
  correlationId?: string;
  workspaceId: string;
  /** The caller when omitted. */
  userId?: string;
  action: WorkspaceAction;
}

export interface AuthorizationAnswer {
  correlationId: string | null;
  allowed: boolean;
  /** The user's role in the workspace; null when they are not in it (or it does not exist). */
  privilege: WorkspacePrivilege | null;
}

/**
 * May this user do this in this workspace: every question of a batch answered from one read of the
 * memberships it names (one statement), by the rules the endpoints apply (workspace-actions.ts). A
 * workspace that does not exist and one the user is not in get the same answer, so a caller learns
 * nothing it could not learn by trying. Nothing is cached: an answer reflects every change committed
 * before the question was read, on any replica.
 */
@Injectable()
export class CheckAuthorizationsUseCase {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(actor: Actor, questions: readonly AuthorizationQuestion[]): Promise<AuthorizationAnswer[]> {
    const asked = questions.map((question) => {
      const userId = subjectOf(actor, question.userId, this.config.checkScope);
      // A workspace access token is an outsider everywhere but in its own workspace, also when it asks.
      return { ...question, userId, answerable: userId !== actor.userId || mayActIn(actor, question.workspaceId) };
    });
    const roles = new Map<string, WorkspacePrivilege>();
    for (const role of await this.workspaces.rolesOf(asked.filter((question) => question.answerable)))
      roles.set(pairKey(role.workspaceId, role.userId), role.privilege);
    return asked.map((question) => {
      const privilege = (question.answerable && roles.get(pairKey(question.workspaceId, question.userId))) || null;
      return { correlationId: question.correlationId ?? null, allowed: mayDo(question.action, privilege), privilege };
    });
  }
}

/** Whom a question is about: the caller, or (with the check scope) another user. */
export function subjectOf(actor: Actor, userId: string | undefined, scope: string): string {
  if (userId === undefined || userId === actor.userId) return actor.userId;
  if (actor.mayCheckOthers !== true) throw new CheckingOthersNotAllowed(scope);
  return userId;
}

/** A workspace id is a UUID (a fixed length), so the pair is unambiguous. */
const pairKey = (workspaceId: string, userId: string) => `${workspaceId}${userId}`;
