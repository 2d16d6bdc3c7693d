// `npm run schema`: regenerate schema/trial.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trialJsonSchemaText } from './json-schema.js';

const target = fileURLToPath(new URL('../../schema/trial.schema.json', import.meta.url));
writeFileSync(target, trialJsonSchemaText());
console.log(`wrote ${target}`);
