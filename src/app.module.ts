import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessTokensModule } from './access-tokens/access-tokens.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthorizationModule } from './authorization/authorization.module.js';
import { EmailModule } from './email/email.module.js';
import { HttpErrorFilter } from './common/http/http-error.filter.js';
import { ValidationModule } from './common/validation/validation.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ObservabilityModule,
        IdempotencyModule,
        AuthModule,
        // After AuthModule: its guard runs first (401 before 422, as in the reference API).
        ValidationModule,
        WorkspacesModule,
        AccessTokensModule,
        InvitationsModule,
        AuthorizationModule,
        EmailModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }
}
