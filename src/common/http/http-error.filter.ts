import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../database/database-errors.js';
import { safeError } from '../log-safety.js';
import { DomainError, RateLimitedError, UnauthenticatedError, type DomainErrorKind } from '../domain-error.js';
import { RequestValidationError, type ValidationIssue } from '../validation/validation-issue.js';

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const BEARER_CHALLENGE = 'Bearer realm="workspaces"';

/** The `WWW-Authenticate` challenge: how to authenticate, and what was wrong with the credential sent. */
function challengeFor(error: UnauthenticatedError): string {
  switch (error.credential) {
    case 'access-token':
      return 'Basic realm="workspaces"';
    case 'bearer':
      return `${BEARER_CHALLENGE}, error="invalid_token", error_description="${error.message}"`;
    default:
      return BEARER_CHALLENGE;
  }
}

interface HttpError {
  status: number;
  body: { detail: string | ValidationIssue[] | { msg: string }[] };
  headers?: Record<string, string>;
}

/**
 * The one place where failures become HTTP answers, in the reference API's shapes:
 * 422 `{"detail": [{loc, msg, type}]}` for invalid requests, `{"detail": "<message>"}` for the rest.
 * Anything unexpected is logged and answered 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error = toHttpError(exception);
    // The request's own logger, so that the line carries the request id.
    const log = http.getRequest<FastifyRequest>().log;
    if (error.status === Number(HttpStatus.SERVICE_UNAVAILABLE)) log.warn({ err: describe(exception) }, error.body.detail as string);
    else if (error.status >= 500) log.error({ err: exception }, 'unexpected error');
    const reply = http.getResponse<FastifyReply>();
    reply
      .status(error.status)
      .headers(error.headers ?? {})
      .send(error.body);
  }
}

function describe(exception: unknown): string {
  return safeError(exception).message;
}

function toHttpError(exception: unknown): HttpError {
  if (exception instanceof RequestValidationError) {
    return { status: HttpStatus.UNPROCESSABLE_ENTITY, body: { detail: exception.issues } };
  }
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  const fastifyError = asFastifyClientError(exception);
  if (fastifyError) return fromFastifyError(fastifyError);
  if (isDatabaseUnavailable(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { detail: 'The database is unavailable; try again later' },
      headers: { 'retry-after': '1' },
    };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { detail: 'Internal Server Error' } };
}

function fromDomainError(error: DomainError): HttpError {
  const status = STATUS_OF_KIND[error.kind];
  if (error.kind === 'invalid') {
    return { status, body: { detail: [{ loc: ['body'], msg: error.message, type: 'value_error' }] } };
  }
  const headers: Record<string, string> | undefined =
    error instanceof UnauthenticatedError
      ? { 'www-authenticate': challengeFor(error) }
      : error instanceof RateLimitedError
        ? { 'retry-after': String(error.retryAfterSeconds) }
        : undefined;
  const detail = error.detailAsList ? [{ msg: error.message }] : error.message;
  return { status, body: { detail }, headers };
}

function fromHttpException(exception: HttpException): HttpError {
  const cause = asFastifyClientError(exception.cause);
  if (cause) return fromFastifyError(cause);
  const status = exception.getStatus();
  const headers: Record<string, string> | undefined =
    status === Number(HttpStatus.UNAUTHORIZED) ? { 'www-authenticate': BEARER_CHALLENGE } : undefined;
  return { status, body: { detail: httpMessage(exception) }, headers };
}

interface FastifyClientError {
  code: string;
  statusCode: number;
  message: string;
  /** Of malformed JSON (json-body-parser.ts): the character where Python's parser stops. */
  position?: number;
}

/** Errors that Fastify raises before a handler runs (body parsing, size, media type). */
function asFastifyClientError(value: unknown): FastifyClientError | undefined {
  const candidate = value as Partial<FastifyClientError> | undefined;
  if (typeof candidate?.code !== 'string' || !candidate.code.startsWith('FST_')) return undefined;
  if (typeof candidate.statusCode !== 'number' || candidate.statusCode < 400 || candidate.statusCode >= 500) return undefined;
  return candidate as FastifyClientError;
}

function fromFastifyError(error: FastifyClientError): HttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        body: { detail: [{ loc: ['body', error.position ?? 0], msg: 'JSON decode error', type: 'json_invalid' }] },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: HttpStatus.UNPROCESSABLE_ENTITY, body: { detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        body: { detail: 'Unsupported Media Type: send the body as application/json' },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: HttpStatus.PAYLOAD_TOO_LARGE, body: { detail: 'Request body is too large' } };
    default:
      return { status: error.statusCode, body: { detail: error.message } };
  }
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const status = exception.getStatus();
  // Nest's built-in exceptions say e.g. "Cannot GET /x"; the reference API says "Not Found".
  if (status === Number(HttpStatus.NOT_FOUND)) return 'Not Found';
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : exception.message;
}
