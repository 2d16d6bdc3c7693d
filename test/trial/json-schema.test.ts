import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trialJsonSchemaText } from '../../src/trial/json-schema.js';

describe('schema/trial.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schema/trial.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(trialJsonSchemaText());
  });

  it('describes the fields editors need, with enums', () => {
    const schema = JSON.parse(trialJsonSchemaText()) as { properties: Record<string, { items?: { properties?: Record<string, unknown> } }> };
    const outcome = schema.properties.results?.items?.properties ?? {};
    expect(Object.keys(outcome)).toEqual(expect.arrayContaining(['name', 'role', 'benefit', 'arms', 'effect', 'notes']));
    expect(JSON.stringify(outcome.role)).toContain('competing');
    expect(JSON.stringify(schema.properties.rob2)).toContain('some concerns');
  });
});
