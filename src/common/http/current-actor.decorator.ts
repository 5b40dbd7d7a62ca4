import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The authenticated caller (an Actor), as the authentication guard left it on the request. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<{ user: unknown }>().user,
);
