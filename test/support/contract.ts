import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/** The published contract, as kept in test/contract. */
export function loadContract(file = 'askui-workspaces-api-0.2.15.subset.yaml'): any {
  return parse(readFileSync(new URL(`../contract/${file}`, import.meta.url), 'utf8'));
}

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function createValidator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
  addFormats(ajv);
  ajv.addFormat('uuid4', UUID4);
  ajv.addSchema({ $id: 'contract', components: loadContract().components });
  return ajv;
}

let validator: Ajv2020 | undefined;

/** Throws with ajv's findings unless `body` is valid against the contract's schema of that name. */
export function assertMatchesContract(schemaName: string, body: unknown): void {
  validator ??= createValidator();
  const validate = validator.getSchema(`contract#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`No schema ${schemaName} in the contract`);
  if (!validate(body)) {
    throw new Error(`Body does not match ${schemaName}: ${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(body)}`);
  }
}
