import { characterLength } from '../../common/character-length.js';

/** Limits that the contract states and the database enforces as well. */
export const WORKSPACE_NAME_MIN_LENGTH = 1;
export const WORKSPACE_NAME_MAX_LENGTH = 128;

export function isValidWorkspaceName(name: string): boolean {
  const length = characterLength(name);
  return length >= WORKSPACE_NAME_MIN_LENGTH && length <= WORKSPACE_NAME_MAX_LENGTH;
}
