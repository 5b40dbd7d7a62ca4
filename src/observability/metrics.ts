import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

interface PoolCounts {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/** Prometheus metrics of this process: request durations, the database pool, and Node's own. */
@Injectable()
export class Metrics {
  /** One registry per application, so that several in one process (tests) do not collide. */
  readonly registry = new Registry();

  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    // The pool is TypeORM's internal `pg` pool (or the embedded one, which counts the same way).
    const pool = () => (dataSource.driver as unknown as { master?: PoolCounts }).master ?? {};
    const gauge = (name: string, help: string, read: (counts: PoolCounts) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read(pool()) ?? 0);
        },
      });
    gauge('db_pool_connections_total', 'Connections open in the database pool', (p) => p.totalCount);
    gauge('db_pool_connections_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    gauge('db_pool_requests_waiting', 'Requests waiting for a database connection', (p) => p.waitingCount);
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.requestDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }
}
