/**
 * The floor: the leanest server doing what Create Workspace and Get Workspace do, without Nest or the
 * ORM. A JWT check (HS256, node:crypto), the same validation rules, the same rows written atomically
 * (one statement), one statement for a read, the same response bodies. The benchmark compares the
 * service against it.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { READ, verifyBearer, workspaceBody } from './floor-support.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

/** The same bound as the service's (WORKSPACES_PER_USER_LIMIT, its default), checked in the same statement. */
const WORKSPACES_PER_USER = 1000;
const INSERT = `
  WITH guard AS (
    SELECT (SELECT count(*) FROM (SELECT 1 FROM workspace_memberships WHERE user_id = $6 LIMIT ${WORKSPACES_PER_USER}) AS counted) < ${WORKSPACES_PER_USER} AS ok
  ), w AS (
    INSERT INTO workspaces (id, name, billing_account_email, created_at, updated_at, member_count)
    SELECT $1, $2, $3, $4, $4, 1 WHERE (SELECT ok FROM guard) RETURNING id
  )
  INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
  SELECT $5, w.id, $6, 'ROLE_WORKSPACE_OWNER', $4, $4 FROM w RETURNING 1`;

app.post(
  '/api/v1/workspaces',
  {
    schema: {
      body: {
        type: 'object',
        required: ['name', 'billingAccountEmail'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 128 },
          firstMemberId: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] },
          billingAccountEmail: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
        },
      },
    },
  },
  async (request, reply) => {
    const userId = verifyBearer(request.headers.authorization);
    if (!userId) return reply.code(401).send({ detail: 'Invalid bearer token' });
    const { name, billingAccountEmail, firstMemberId } = request.body;
    if (firstMemberId && firstMemberId !== userId) return reply.code(403).send({ detail: 'provisioning not allowed' });
    const now = new Date();
    const id = randomUUID();
    const membershipId = randomUUID();
    const { rowCount } = await pool.query(INSERT, [id, name, billingAccountEmail, now, membershipId, userId]);
    if (rowCount === 0) return reply.code(409).send({ detail: 'workspace limit' });
    const at = now.toISOString();
    reply.code(201).header('location', `/api/v1/workspaces/${id}`);
    return {
      id,
      createdAt: at,
      updatedAt: at,
      name,
      memberships: [
        { id: membershipId, createdAt: at, updatedAt: at, userId, workspaceId: id, privileges: ['ROLE_WORKSPACE_OWNER'], accessTokens: [] },
      ],
    };
  },
);

app.get('/api/v1/workspaces/:id', async (request, reply) => {
  const userId = verifyBearer(request.headers.authorization);
  if (!userId) return reply.code(401).send({ detail: 'Invalid bearer token' });
  const { rows } = await pool.query(READ, [request.params.id, userId]);
  if (rows.length === 0) return reply.code(404).send({ detail: 'Workspace not found' });
  return workspaceBody(rows[0]);
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
});
