// AJV's standalone validator code for the studio form, made at build time:
// in the browser AJV would compile them with `new Function`, which the
// studio's CSP (no 'unsafe-eval') forbids.
//
// RJSF's compileSchemaValidatorsCode collects the sub-schemas the form will
// validate with schemaParser, which follows `properties` and `items` only.
// The trial's maps (`results[].arms`: arm id → a oneOf per quantity kind) sit
// under `additionalProperties`, and RJSF validates their oneOf options to pick
// the kind, so each such schema is parsed too, as the one property of a wrapper.
import type { RJSFSchema } from '@rjsf/utils';
import { schemaParser } from '@rjsf/utils';
import createAjvInstance from '@rjsf/validator-ajv8/lib/createAjvInstance.js';
import standalone from 'ajv/dist/standalone/index.js';
import { eachObject, type Json } from '../studio/form-schema.js';

// A CommonJS module whose default export is the function.
const standaloneCode = (standalone as unknown as { default: typeof standalone.default }).default;

export function formValidatorsCode(schema: Json): string {
  const maps = { ...schemaParser(schema as RJSFSchema) };
  eachObject(schema, (node) => {
    const value = node.additionalProperties;
    if (typeof value === 'object' && value !== null) Object.assign(maps, schemaParser({ type: 'object', properties: { value } } as RJSFSchema));
  });
  // The same options as compileSchemaValidatorsCode: source kept for standalone code, lines for readable output.
  const ajv = createAjvInstance(undefined, undefined, { code: { lines: true, source: true }, schemas: Object.values(maps) });
  return standaloneCode(ajv);
}
