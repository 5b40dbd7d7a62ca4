import { WorkspacePolicy } from './workspace-policy.js';
import { WorkspacePrivilege } from './workspace-privilege.js';

const { OWNER, ADMIN, MEMBER } = WorkspacePrivilege;

describe('WorkspacePolicy', () => {
  it.each([
    [OWNER, true, true],
    [ADMIN, true, false],
    [MEMBER, false, false],
  ])('%s: rename %s, delete %s', (actor, rename, del) => {
    expect(WorkspacePolicy.mayRename(actor)).toBe(rename);
    expect(WorkspacePolicy.mayDelete(actor)).toBe(del);
  });

  // Who may add a role is who may remove someone holding it.
  it.each([
    [OWNER, OWNER, true],
    [OWNER, ADMIN, true],
    [OWNER, MEMBER, true],
    [ADMIN, OWNER, false],
    [ADMIN, ADMIN, true],
    [ADMIN, MEMBER, true],
    [MEMBER, OWNER, false],
    [MEMBER, ADMIN, false],
    [MEMBER, MEMBER, false],
  ])('%s may add, and remove another, %s: %s', (actor, other, allowed) => {
    expect(WorkspacePolicy.mayAddMember(actor, other)).toBe(allowed);
    expect(WorkspacePolicy.mayRemoveMember(actor, other, false)).toBe(allowed);
  });

  it.each([OWNER, ADMIN, MEMBER])('%s may always leave', (privilege) => {
    expect(WorkspacePolicy.mayRemoveMember(privilege, privilege, true)).toBe(true);
  });
});
