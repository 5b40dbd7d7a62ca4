import { randomUUID } from 'node:crypto';
import { bearer } from './test-auth.js';
import type { TestApp } from './test-app.js';

export type Role = 'ROLE_WORKSPACE_OWNER' | 'ROLE_WORKSPACE_ADMIN' | 'ROLE_WORKSPACE_MEMBER';

export const newUserId = (label = 'user'): string => `${label}-${randomUUID()}`;

/** A workspace created over HTTP by `ownerId`, with its id and the owner's membership id. */
export async function createWorkspace(t: TestApp, ownerId: string, name = 'Team'): Promise<{ id: string; ownerMembershipId: string }> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: await bearer(ownerId),
    body: { name, billingAccountEmail: 'billing@example.com' },
  });
  if (response.status !== 201) throw new Error(`create workspace: ${response.status} ${response.text}`);
  return { id: response.body.id, ownerMembershipId: response.body.memberships[0].id };
}

/** Adds `userId` with `role`, acting as `actorId`; returns the membership id. */
export async function addMember(t: TestApp, actorId: string, workspaceId: string, userId: string, role: Role): Promise<string> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/workspace-memberships',
    headers: await bearer(actorId),
    body: { workspaceId, userId, privileges: [role] },
  });
  if (response.status !== 200) throw new Error(`add member: ${response.status} ${response.text}`);
  return response.body.id;
}

/** A workspace with one user per role: owner, admin and member. */
export async function team(t: TestApp): Promise<{
  workspaceId: string;
  users: Record<'owner' | 'admin' | 'member', string>;
  memberships: Record<'owner' | 'admin' | 'member', string>;
}> {
  const users = { owner: newUserId('owner'), admin: newUserId('admin'), member: newUserId('member') };
  const workspace = await createWorkspace(t, users.owner);
  const memberships = {
    owner: workspace.ownerMembershipId,
    admin: await addMember(t, users.owner, workspace.id, users.admin, 'ROLE_WORKSPACE_ADMIN'),
    member: await addMember(t, users.owner, workspace.id, users.member, 'ROLE_WORKSPACE_MEMBER'),
  };
  return { workspaceId: workspace.id, users, memberships };
}

/** Mints an access token for `userId`'s membership over HTTP; returns its id and secret. */
export async function mintToken(
  t: TestApp,
  userId: string,
  workspaceId: string,
  body: Record<string, unknown> = { name: 'ci' },
): Promise<{ id: string; secret: string }> {
  const response = await t.request({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/access-tokens`,
    headers: await bearer(userId),
    body,
  });
  if (response.status !== 201) throw new Error(`mint token: ${response.status} ${response.text}`);
  return { id: response.body.privateToken.id, secret: response.body.tokenString };
}
