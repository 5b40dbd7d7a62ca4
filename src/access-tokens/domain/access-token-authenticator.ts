import type { Actor } from '../../kernel/actor.js';

/**
 * Port offered to authentication: the actor that a presented access token stands for. The only thing
 * other modules use of access tokens.
 */
export abstract class AccessTokenAuthenticator {
  /**
   * `forms`: the ways the client may have presented the secret (see presentedTokenForms).
   * Fails with InvalidAccessToken when none of them is a live token.
   */
  abstract authenticate(forms: readonly string[]): Promise<Actor>;
}
