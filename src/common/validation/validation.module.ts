import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RequestValidationGuard } from './request-validation.guard.js';

/** Request validation for every route; import it after AuthModule (guards run in registration order). */
@Module({ providers: [{ provide: APP_GUARD, useClass: RequestValidationGuard }] })
export class ValidationModule {}
