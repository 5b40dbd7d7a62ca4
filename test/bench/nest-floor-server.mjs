/**
 * What the framework costs: a minimal Nest 12 application on Fastify with one route, reading a
 * workspace for its member with the floor's JWT check and the service's statement (no guards, pipes,
 * interceptors, ORM or logging). Beside the bare floor (floor-server.mjs) and the service, the bench
 * shows what Nest itself adds and what the service adds on top.
 */
import 'reflect-metadata';
import { Controller, Get, HttpException, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import pg from 'pg';
import { READ, verifyBearer, workspaceBody } from './floor-support.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

class FloorController {
  async read(request) {
    const userId = verifyBearer(request.headers.authorization);
    if (!userId) throw new HttpException({ detail: 'Invalid bearer token' }, 401);
    const { rows } = await pool.query(READ, [request.params.id, userId]);
    if (rows.length === 0) throw new HttpException({ detail: 'Workspace not found' }, 404);
    return workspaceBody(rows[0]);
  }
}
// Decorators applied by hand: this file is plain JavaScript.
Controller('api/v1/workspaces')(FloorController);
Get(':id')(FloorController.prototype, 'read', Object.getOwnPropertyDescriptor(FloorController.prototype, 'read'));
Req()(FloorController.prototype, 'read', 0);

class FloorModule {}
Module({ controllers: [FloorController] })(FloorModule);

const app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
});
