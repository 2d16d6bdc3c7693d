// JSON Schema for editors (yaml-language-server). Generated from the zod
// schema so the two can never drift; a test compares it with the committed file.
import { z } from 'zod';
import { trialSchema } from './schema.js';

export function trialJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what a user may write (plain-string bullets, omitted defaults).
  const schema = z.toJSONSchema(trialSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://trialdeck.dev/schema/trial.schema.json', title: 'trialdeck trial' };
}

export function trialJsonSchemaText(): string {
  return `${JSON.stringify(trialJsonSchema(), null, 2)}\n`;
}
