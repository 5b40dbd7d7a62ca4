import { BadRequestException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import { UnauthenticatedError } from '../common/domain-error.js';
import type { Actor } from '../kernel/actor.js';
import { NotAuthenticated } from './auth.errors.js';
import { AuthenticationFailureLimiter } from './authentication-failure-limiter.js';
import { IS_PUBLIC } from '../common/http/public.decorator.js';

/** What the strategies read of a request: its headers. */
export interface CredentialsView {
  headers: FastifyRequest['headers'];
}

/** Tried in this order; each answers "not mine" (null) when the request carries no credential of its kind. */
const STRATEGIES = ['bearer', 'basic'];

/**
 * Global: every route needs a bearer token or a workspace access token, unless marked @Public().
 * A credential that is present but bad fails with its own reason; no credential at all fails here.
 * A client with too many recent failures is refused before its credential is looked at (429).
 * The caller ends up on `request.user`.
 *
 * Passport runs the strategies on a small view of the request rather than on Fastify's request:
 * passport adds its methods (login, logout, isAuthenticated, ...) to the object it authenticates, and
 * @nestjs/passport's AuthGuard adds an async step, both on every request.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly failures: AuthenticationFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    // Node keeps only the first of several Authorization headers; which one was meant is unknowable.
    if (countHeader(request.raw.rawHeaders, 'authorization') > 1) {
      throw new BadRequestException('Send one Authorization header, not several');
    }
    await this.failures.check(request.ip);
    try {
      request.user = await authenticate({ headers: request.headers });
      return true;
    } catch (error) {
      if (error instanceof UnauthenticatedError) await this.failures.failed(request.ip);
      throw error;
    }
  }
}

function authenticate(view: CredentialsView): Promise<Actor> {
  return new Promise((resolve, reject) => {
    const run = passport.authenticate(STRATEGIES, { session: false }, (error: unknown, actor: Actor | false) => {
      if (error) return reject(asError(error));
      if (!actor) return reject(new NotAuthenticated());
      resolve(actor);
    }) as (request: CredentialsView, response: object, next: (error: unknown) => void) => void;
    run(view, {}, (error) => reject(asError(error)));
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function countHeader(rawHeaders: string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) count++;
  return count;
}
