import { Field } from '../validation/field.decorator.js';
import { uuid4 } from '../validation/field-types.js';

/**
 * The `workspace_id` path parameter of every route under /api/v1/workspaces/{workspace_id} (the
 * workspaces', access tokens' and invitations' alike), as the contract declares it.
 */
export const WORKSPACE_ID_PARAM = { name: 'workspace_id', schema: { type: 'string', format: 'uuid4', title: 'Workspace Id' } } as const;

export class WorkspaceIdParamsDto {
  @Field(uuid4(), { required: true })
  workspace_id: string;
}
