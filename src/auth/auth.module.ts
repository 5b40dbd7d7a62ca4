import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokensModule } from '../access-tokens/access-tokens.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokenStrategy } from './access-token.strategy.js';
import { AuthenticationFailureLimiter } from './authentication-failure-limiter.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { BearerStrategy } from './bearer.strategy.js';
import { BearerTokenVerifier } from './bearer-token-verifier.js';
import { JoseBearerTokenVerifier } from './jose-bearer-token-verifier.js';

@Module({
  imports: [AccessTokensModule, UsersModule],
  providers: [
    { provide: BearerTokenVerifier, useClass: JoseBearerTokenVerifier },
    BearerStrategy,
    AuthenticationFailureLimiter,
    AccessTokenStrategy,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
})
export class AuthModule {}
