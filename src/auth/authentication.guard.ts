import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { NotAuthenticated } from './auth.errors.js';
import type { Principal } from './principal.js';
import { IS_PUBLIC } from './public.decorator.js';

/** What the strategies read of a request: its headers. */
export interface CredentialsView {
  headers: FastifyRequest['headers'];
}

/** Tried in this order; each answers "not mine" (null) when the request carries no credential of its kind. */
const STRATEGIES = ['bearer', 'basic'];

/**
 * Global: every route needs a bearer token or a workspace access token, unless marked @Public().
 * A credential that is present but bad fails with its own reason; no credential at all fails here.
 * The caller ends up on `request.user`.
 *
 * Passport runs the strategies on a small view of the request rather than on Fastify's request:
 * passport adds its methods (login, logout, isAuthenticated, ...) to the object it authenticates, and
 * @nestjs/passport's AuthGuard adds an async step; together they cost about a fifth of a create's CPU
 * (measured with `npm run bench`).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const view: CredentialsView = { headers: request.headers };
    return new Promise((resolve, reject) => {
      const authenticate = passport.authenticate(STRATEGIES, { session: false }, (error: unknown, principal: Principal | false) => {
        if (error) return reject(error);
        if (!principal) return reject(new NotAuthenticated());
        request.user = principal;
        resolve(true);
      });
      authenticate(view, {}, reject);
    });
  }
}
