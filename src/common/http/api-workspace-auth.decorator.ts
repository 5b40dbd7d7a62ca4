import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiErrorResponses } from './api-error-responses.decorator.js';

/**
 * Either credential is accepted, as in the contract: Bearer, then Basic. Every such operation may
 * answer 401 (missing or bad credentials), 429 (too many failed authentications) and 503 (database
 * unavailable).
 */
export const ApiWorkspaceAuth = (): ClassDecorator & MethodDecorator =>
  applyDecorators(ApiBearerAuth('Bearer'), ApiSecurity('Basic'), ApiErrorResponses(401, 429, 503));
