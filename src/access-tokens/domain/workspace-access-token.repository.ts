import type { Transaction } from '../../kernel/unit-of-work.js';
import { presentedSecretHash, WORKSPACE_TOKEN_PREFIX } from './access-token-secret.js';
import type { WorkspaceAccessToken } from './workspace-access-token.js';

/** What a token resolves to: the token and the membership it acts as. */
export interface AccessTokenCredential {
  token: WorkspaceAccessToken;
  userId: string;
  workspaceId: string;
}

/** Port: workspace access tokens, stored by the hash of their secret only. */
export abstract class WorkspaceAccessTokenRepository {
  /**
   * Stores a new or revoked token and its events with the unit of work; writing a token whose
   * membership does not exist fails with MembershipNotFound.
   */
  abstract save(tx: Transaction, token: WorkspaceAccessToken): void;

  /** How many tokens the membership has, counted up to `upTo` at most. */
  abstract countByMembership(membershipId: string, upTo: number): Promise<number>;

  abstract findCredentialByHash(hash: string): Promise<AccessTokenCredential | null>;

  abstract findCredentialById(tokenId: string): Promise<AccessTokenCredential | null>;

  /** The membership's tokens, oldest first. */
  abstract listByMembership(membershipId: string): Promise<WorkspaceAccessToken[]>;

  /**
   * The token whose secret is one of `forms` (the ways a client may have presented it). Only a form
   * shaped like an issued secret is looked up: a presented value costs one lookup at most.
   */
  async findCredentialBySecret(forms: readonly string[]): Promise<AccessTokenCredential | null> {
    const hash = presentedSecretHash(forms, WORKSPACE_TOKEN_PREFIX);
    return hash === undefined ? null : this.findCredentialByHash(hash);
  }
}
