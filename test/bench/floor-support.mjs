/** What the two floors (bare Fastify, minimal Nest) share: the JWT check, the read statement and its body. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = Buffer.from(process.env.AUTH_JWT_SECRET ?? '');

/** The subject of a valid HS256 bearer token that has not expired, else undefined: the least a JWT check does. */
export function verifyBearer(header) {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  const parts = match?.[1].split('.');
  if (parts?.length !== 3) return undefined;
  try {
    if (JSON.parse(Buffer.from(parts[0], 'base64url').toString()).alg !== 'HS256') return undefined;
    const expected = createHmac('sha256', SECRET).update(`${parts[0]}.${parts[1]}`).digest();
    const presented = Buffer.from(parts[2], 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    if (typeof payload.exp !== 'number' || payload.exp <= Date.now() / 1000) return undefined;
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

/** The service's read of a workspace for one of its members (TypeOrmWorkspaceRepository.findSummaryForMember). */
export const READ = `SELECT id, name, created_at AS "createdAt", updated_at AS "updatedAt" FROM workspaces w
  WHERE w.id = $1 AND EXISTS (SELECT 1 FROM workspace_memberships m WHERE m.workspace_id = w.id AND m.user_id = $2)`;

export function workspaceBody(row) {
  return { id: row.id, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), name: row.name, memberships: null };
}
