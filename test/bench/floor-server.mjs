/**
 * The floor: the leanest server doing what Create Workspace does, without Nest or the ORM.
 * Same JWT verification (jose, HS256), same validation rules, the same rows written atomically
 * (one statement), the same response body. The benchmark compares the service against it.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const secret = await crypto.subtle.importKey(
  'raw',
  new TextEncoder().encode(process.env.AUTH_JWT_SECRET),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['verify'],
);
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
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    let userId;
    try {
      userId = match && (await jwtVerify(match[1], secret, { algorithms: ['HS256'] })).payload.sub;
    } catch {
      userId = undefined;
    }
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

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
});
