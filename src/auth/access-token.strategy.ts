import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { AccessTokenAuthenticator } from '../access-tokens/domain/access-token-authenticator.js';
import { presentedTokenForms } from '../common/http/presented-token.js';
import type { Actor } from '../kernel/actor.js';
import type { CredentialsView } from './authentication.guard.js';
import { credentialsFor } from './authorization-header.js';

/**
 * `Authorization: Basic <base64 of a workspace access token>`, as the reference API's clients send it.
 * The caller is the token's member, acting inside the token's workspace only.
 */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'basic') {
  constructor(private readonly accessTokens: AccessTokenAuthenticator) {
    super();
  }

  /** Returns null (try the next strategy) when the request carries no Basic credentials at all. */
  async validate(request: CredentialsView): Promise<Actor | null> {
    const credentials = credentialsFor(request.headers.authorization, 'Basic');
    if (credentials === undefined) return null;
    return this.accessTokens.authenticate(presentedTokenForms(credentials));
  }
}
