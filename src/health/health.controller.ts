import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/http/public.decorator.js';
import { ReadinessIndicators } from './readiness.indicators.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  /** Liveness: the process answers. It does not look at the database, so an outage does not get it restarted. */
  @Get('live')
  @ApiOperation({ operationId: 'health_live', summary: 'The process is up' })
  @ApiOkResponse({ description: 'Alive' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: send traffic here (database reachable, migrations applied, not shutting down). */
  @Get('ready')
  @ApiOperation({ operationId: 'health_ready', summary: 'The service can serve requests' })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready, with the failing checks' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    try {
      return await this.health.check([
        () => this.readiness.accepting(),
        () => this.readiness.databaseAnswers(),
        () => this.readiness.migrationsApplied(),
        () => this.readiness.eventPublishing(),
      ]);
    } catch (error) {
      // Terminus reports failure as an exception carrying the full report; answer it as it is.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }
}
