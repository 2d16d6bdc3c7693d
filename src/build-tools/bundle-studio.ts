// `npm run build`: bundles the studio's browser client (CodeMirror 6, JSZip)
// into dist/studio-assets/, shipped in the package: the studio works offline
// and its CSP allows scripts from its own server only (no CDN).
// The form (React + react-jsonschema-form) is a second file, form.js, that the
// page loads only when the Form tab is first shown.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { formSchema } from '../studio/form-schema.js';
import { formValidatorsCode } from './form-validators.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'dist', 'studio-assets');
const client = join(root, 'src', 'studio', 'client');

/**
 * `trial-form:schema` and `trial-form:validators`, made here from
 * schema/trial.schema.json (form-validators.ts says why the validators are
 * compiled here). Nothing generated is committed.
 */
function trialFormModules(): Plugin {
  const schema = formSchema(JSON.parse(readFileSync(join(root, 'schema', 'trial.schema.json'), 'utf8')) as Record<string, unknown>);
  const modules: Record<string, { contents: string; loader: 'json' | 'js' }> = {
    schema: { contents: JSON.stringify(schema), loader: 'json' },
    validators: { contents: formValidatorsCode(schema), loader: 'js' },
  };
  return {
    name: 'trial-form',
    setup(b) {
      b.onResolve({ filter: /^trial-form:/ }, (args) => ({ path: args.path.slice('trial-form:'.length), namespace: 'trial-form' }));
      // resolveDir: the standalone code requires AJV's runtime helpers (ajv/dist/runtime/…, ajv-formats) from node_modules.
      b.onLoad({ filter: /.*/, namespace: 'trial-form' }, (args) => ({ ...modules[args.path], resolveDir: root }));
    },
  };
}

mkdirSync(out, { recursive: true });
await build({
  entryPoints: { studio: join(client, 'main.ts'), form: join(client, 'form.tsx') },
  outdir: out,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  legalComments: 'none',
  logLevel: 'error',
  plugins: [trialFormModules()],
});
copyFileSync(join(client, 'studio.css'), join(out, 'studio.css'));
