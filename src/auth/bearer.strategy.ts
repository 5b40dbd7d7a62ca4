import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { AppConfig } from '../config/app-config.js';
import { UserProfileRecorder } from '../users/domain/user-profile-recorder.js';
import type { CredentialsView } from './authentication.guard.js';
import { credentialsFor } from './authorization-header.js';
import { BearerTokenVerifier } from './bearer-token-verifier.js';
import type { Actor } from '../kernel/actor.js';

/** `Authorization: Bearer <JWT from the identity provider>`; the user is the token's subject. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(
    private readonly verifier: BearerTokenVerifier,
    private readonly recordUserProfile: UserProfileRecorder,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Returns null (try the next strategy) when the request carries no bearer token at all. */
  async validate(request: CredentialsView): Promise<Actor | null> {
    const token = credentialsFor(request.headers.authorization, 'Bearer');
    if (token === undefined) return null;
    const identity = await this.verifier.verify(token);
    await this.recordUserProfile.execute(identity.profile);
    return {
      userId: identity.userId,
      mayProvisionWorkspaces: identity.scopes.includes(this.config.provisionScope),
      mayCheckOthers: identity.scopes.includes(this.config.checkScope),
      verifiedEmail: identity.profile.emailVerified === true ? identity.profile.email : undefined,
    };
  }
}
