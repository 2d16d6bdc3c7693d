// `npm run build`: bundles the studio's browser client (CodeMirror 6, JSZip)
// into dist/studio-assets/, shipped in the package: the studio works offline
// and its CSP allows scripts from its own server only (no CDN).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'dist', 'studio-assets');
const client = join(root, 'src', 'studio', 'client');

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(client, 'main.ts')],
  outfile: join(out, 'studio.js'),
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'error',
});
copyFileSync(join(client, 'studio.css'), join(out, 'studio.css'));
