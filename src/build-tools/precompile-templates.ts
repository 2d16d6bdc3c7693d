// `npm run build`, after tsc: precompiles this package's Handlebars templates
// (linted exactly as at run time) into dist/deck/precompiled-templates.cjs.
// compose.ts uses them only while templates/ still hashes to what they were
// made from, so an edited template is never served stale.
import { writeFileSync } from 'node:fs';
import { PRECOMPILED_TEMPLATES, precompileTemplates } from '../deck/compose.js';

writeFileSync(PRECOMPILED_TEMPLATES, await precompileTemplates());
