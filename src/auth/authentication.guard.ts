import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { NotAuthenticated } from './auth.errors.js';
import type { Principal } from './principal.js';
import { IS_PUBLIC } from './public.decorator.js';

/**
 * Global: every route needs a bearer token or a workspace access token, unless marked @Public().
 * A credential that is present but bad fails with its own reason; no credential at all fails here.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['bearer', 'basic']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<T = Principal>(error: unknown, principal: T | false): T {
    if (error) throw error;
    if (!principal) throw new NotAuthenticated();
    return principal;
  }
}
