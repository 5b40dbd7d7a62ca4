import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Headers of the response a handler sends, without the handler knowing the HTTP framework. */
export interface ResponseHeaders {
  set(name: string, value: string): void;
}

class ReplyHeaders implements ResponseHeaders {
  constructor(private readonly reply: FastifyReply) {}

  set(name: string, value: string): void {
    void this.reply.header(name, value);
  }
}

export const ResponseHeaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ResponseHeaders => new ReplyHeaders(context.switchToHttp().getResponse<FastifyReply>()),
);
