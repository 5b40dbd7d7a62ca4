import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';

/** Either credential is accepted, as in the contract: Bearer, then Basic. */
export const ApiWorkspaceAuth = (): ClassDecorator & MethodDecorator => applyDecorators(ApiBearerAuth('Bearer'), ApiSecurity('Basic'));
