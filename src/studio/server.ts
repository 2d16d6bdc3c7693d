// trialdeck studio: the deck maker in a browser tab, served on 127.0.0.1.
//
//   GET  /                 the page (token in a <meta>, strict CSP, no inline script)
//   GET  /assets/*         the bundled client (CodeMirror, JSZip) and its CSS
//   GET  /deck/<v>         the last good deck's HTML, shown in the page's iframe
//   GET  /deck/<v>.json    its slides, CSS and notes: later builds are swapped into the iframe in place
//   GET  /api/initial      the started file as YAML (if any)
//   POST /api/open?name=   text ─► YAML (summary, trial data, CT.gov JSON, PubMed XML)
//   POST /api/build?theme=&department=   YAML ─► deck (session.ts), problems and checks
//   POST /api/export?kind= html | pdf | handout | pptx of the last good deck
//   POST /api/save         YAML ─► the started file, atomically, with <file>.bak
// Every POST needs the session token and a matching Origin (guard.ts).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmChartWorker } from '../charts/chart-worker-pool.js';
import { TrialdeckError } from '../errors.js';
import { PREVIEW_HOST } from '../preview/server.js';
import { departmentDirs, listDepartments } from '../themes/department.js';
import { DEFAULT_THEME, listThemes } from '../themes/registry.js';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../trial/load.js';
import { convertToYaml } from './convert.js';
import { checkHost, checkWrite, readBody, type Refusal } from './guard.js';
import { studioCsp, studioPage } from './page.js';
import { canSave, saveTrialFile } from './save.js';
import { errorNotes, isExportKind, noteOf, StudioSession } from './session.js';

export const DEFAULT_STUDIO_PORT = 4808;
/** dist/studio-assets/, found from dist/studio/ and from the CLI bundle in dist/cli/ alike. */
export const STUDIO_ASSETS = fileURLToPath(new URL('../../dist/studio-assets/', import.meta.url));
const ASSET_TYPES: Record<string, string> = { 'studio.js': 'text/javascript; charset=utf-8', 'form.js': 'text/javascript; charset=utf-8', 'studio.css': 'text/css; charset=utf-8' };

export interface StudioOptions {
  /** The file the studio was started on: loaded into the editor, and the only file Save writes. */
  file?: string;
  /** 0 picks any free port. */
  port?: number;
}

export interface StudioServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly session: StudioSession;
  close(): Promise<void>;
}

export async function startStudio(options: StudioOptions = {}): Promise<StudioServer> {
  const port = options.port ?? DEFAULT_STUDIO_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TrialdeckError('USAGE', `invalid port ${port}; expected 0-65535`);
  const file = options.file;
  const initial = file ? await readStarted(file) : undefined;
  const [themes, departments] = await Promise.all([listThemes(), listDepartments(departmentDirs())]);
  const token = randomBytes(24).toString('base64url');
  const tempDir = await mkdtemp(join(tmpdir(), 'trialdeck-studio-'));
  const session = new StudioSession(tempDir);
  // vega loads in the chart worker while the user pastes or opens a trial.
  warmChartWorker();
  let actualPort = port;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(`http://localhost${req.url ?? '/'}`);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const refused = checkHost(req, actualPort);
      if (refused) return refuse(res, refused);
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const nonce = randomBytes(16).toString('base64');
        const html = studioPage({ token, nonce, themes: themes.map((t) => t.name), departments, theme: DEFAULT_THEME, fileName: file ? basename(file) : undefined, canSave: canSave(file) });
        return send(res, 200, 'text/html; charset=utf-8', html, { 'content-security-policy': studioCsp(nonce) });
      }
      const asset = /^\/assets\/([a-z.]+)$/.exec(url.pathname)?.[1];
      if (asset && Object.hasOwn(ASSET_TYPES, asset)) {
        const body = await readFile(join(STUDIO_ASSETS, asset)).catch(() => undefined);
        if (!body) return send(res, 500, 'text/plain; charset=utf-8', 'The studio client is not built: run npm run build.\n');
        return send(res, 200, ASSET_TYPES[asset] as string, body);
      }
      if (/^\/deck\/\d+$/.test(url.pathname)) {
        const deck = session.deck;
        if (!deck) return send(res, 404, 'text/plain; charset=utf-8', 'No deck yet.\n');
        // The deck's own policy (its meta tag), and only the studio may frame it.
        return send(res, 200, 'text/html; charset=utf-8', deck.rendered.html, { 'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'" });
      }
      if (/^\/deck\/\d+\.json$/.test(url.pathname)) {
        // The newest deck's slides, for the page to swap into the deck it shows (no reload).
        const deck = session.deck;
        if (!deck) return send(res, 404, 'text/plain; charset=utf-8', 'No deck yet.\n');
        const { css, slides, notes } = deck.rendered;
        return json(res, 200, { version: session.version, css, slides, notes });
      }
      if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (url.pathname === '/api/initial') return json(res, 200, initial ?? { yaml: '' });
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    }
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', { allow: 'GET, HEAD, POST' });
    const refused = checkWrite(req, actualPort, token);
    if (refused) return refuse(res, refused);
    const body = await readBody(req);
    if (typeof body !== 'string') return refuse(res, body);
    const param = (name: string): string | undefined => url.searchParams.get(name) || undefined;
    switch (url.pathname) {
      case '/api/open':
        try {
          const converted = convertToYaml(body, basename(param('name') ?? ''));
          return json(res, 200, { ok: true, yaml: converted.yaml, kind: converted.kind, warnings: converted.warnings.map(noteOf) });
        } catch (err) {
          return json(res, 200, { ok: false, notes: errorNotes(err) });
        }
      case '/api/build':
        return json(res, 200, await session.build({ yaml: body, theme: param('theme'), department: param('department') }));
      case '/api/export': {
        const kind = param('kind') ?? '';
        if (!isExportKind(kind)) return send(res, 400, 'text/plain; charset=utf-8', 'Unknown export kind.\n');
        try {
          const bytes = await session.export(kind);
          if (!bytes) return send(res, 409, 'text/plain; charset=utf-8', 'No deck yet.\n');
          return send(res, 200, 'application/octet-stream', Buffer.from(bytes));
        } catch (err) {
          return send(res, 500, 'text/plain; charset=utf-8', `${errorNotes(err)[0]?.text ?? 'export failed'}\n`);
        }
      }
      case '/api/save':
        if (!file) return send(res, 409, 'text/plain; charset=utf-8', 'The studio was not started on a file.\n');
        try {
          await saveTrialFile(file, body);
          return json(res, 200, { ok: true });
        } catch (err) {
          return json(res, 200, { ok: false, notes: errorNotes(err) });
        }
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');
    }
  };

  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `${errorNotes(err)[0]?.text ?? 'internal error'}\n`);
      else res.end();
    });
  });
  actualPort = await new Promise<number>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      void rm(tempDir, { recursive: true, force: true });
      reject(new TrialdeckError('USAGE', `port ${port} on ${PREVIEW_HOST} ${err.code === 'EADDRINUSE' ? 'is already in use' : 'cannot be used'}; pick another with --port (0 = any free port)`));
    });
    server.listen(port, PREVIEW_HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  // The first edits are as fast as later ones only once V8 has optimised the pipeline.
  if (initial?.yaml) void session.build({ yaml: initial.yaml }).then(() => session.rebuilder.warmUp());

  let closing: Promise<void> | undefined;
  return {
    url: `http://${PREVIEW_HOST}:${actualPort}/`,
    port: actualPort,
    token,
    session,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await session.close();
        await rm(tempDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

async function readStarted(file: string): Promise<{ yaml: string; kind: string }> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new TrialdeckError('INPUT_NOT_FOUND', `${file}: no such file`);
  });
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw new TrialdeckError('INPUT_TOO_LARGE', `${file}: over the ${MAX_INPUT_TEXT} limit for trial files`);
  if (!['.txt', '.md', '.yaml', '.yml', '.json', '.xml'].includes(extname(file).toLowerCase())) throw new TrialdeckError('INPUT_UNSUPPORTED', `${file}: unsupported file type`);
  const converted = convertToYaml(text, basename(file));
  return { yaml: converted.yaml, kind: converted.kind };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: ServerResponse, r: Refusal): void {
  send(res, r.status, 'text/plain; charset=utf-8', r.message);
}
