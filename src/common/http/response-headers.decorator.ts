import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Headers of the response a handler sends, without the handler knowing the HTTP framework. */
export interface ResponseHeaders {
  set(name: string, value: string): void;
}

export const ResponseHeaders = createParamDecorator((_data: unknown, context: ExecutionContext): ResponseHeaders => {
  const reply = context.switchToHttp().getResponse<FastifyReply>();
  return { set: (name, value) => void reply.header(name, value) };
});
