// The live preview: an HTTP server on 127.0.0.1 that serves the newest good
// deck, rebuilds it when a source changes and tells open tabs to reload.
//
//   fs.watch (data, templates, chart specs, themes) ──► 50 ms debounce
//     ──► Rebuilder: clear caches ──► loadTrial ──► makeDeck (warm vega,
//         SVG cache in a temp folder) ──► ok: new deck, SSE `reload`
//                                         └► error: keep last deck, SSE `build-error`
//   GET /          the deck + live-reload script + error overlay
//   GET /__events  the event stream
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDeck, type DeckBuild } from '../build.js';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { resolveLook } from '../themes/look.js';
import { DEFAULT_THEME } from '../themes/registry.js';
import { INPUT_FORMATS, inputFormat, loadTrial } from '../trial/load.js';
import { EventStream, SSE_EVENTS } from './event-stream.js';
import { describeError, EVENTS_PATH, injectLiveReload, placeholderPage, previewCsp, type ErrorReport } from './live-reload.js';
import { Rebuilder, type BuildOutcome } from './rebuilder.js';
import { CHANGE_KINDS, watchSources, watchTargets, type ChangeKind, type SourceWatcher } from './watch.js';

export const DEFAULT_PREVIEW_PORT = 4807;
/** Loopback only: the preview is for the person at this machine. */
export const PREVIEW_HOST = '127.0.0.1';

export interface PreviewOptions {
  input: string;
  /** 0 picks any free port. Default 4807. */
  port?: number;
  theme?: string;
  templateDir?: string;
  themeDir?: string;
  /** Department name or .yaml file: its file and logo are watched like a theme. */
  department?: string;
  /** For the footer, as `build --date` (already resolved, e.g. "today" → 2026-03-12). */
  date?: string;
  /** Quiet time after the last file event before rebuilding. Default 50 ms. */
  debounceMs?: number;
  /** Unreported builds after the first one, so that the first edits are fast too. Default 4. */
  warmUpBuilds?: number;
  onEvent?: (event: PreviewEvent) => void;
}

export type PreviewEvent =
  | { type: 'listening'; url: string }
  | { type: 'rebuilt'; ms: number; slides: number; warnings: Diagnostic[]; changed: ChangeKind[] }
  | { type: 'error'; ms: number; error: unknown; report: ErrorReport; changed: ChangeKind[] };

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  /** The temp folder (chart SVG cache); removed by close(). */
  readonly tempDir: string;
  /** Duration of the most recent build attempt, in ms. */
  readonly lastBuildMs: number | undefined;
  /** Resolves when no build (nor start-up warm-up) is running or waiting. */
  idle(): Promise<void>;
  /** Rebuilds everything now (caches cleared); resolves when the tabs have been told. */
  rebuild(): Promise<BuildOutcome>;
  /** Stops watching, ends event streams, closes the server, removes the temp folder. Idempotent. */
  close(): Promise<void>;
}

/** DNS-rebinding guard: a page on evil.example resolving to 127.0.0.1 still sends its own Host. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const m = /^(?:localhost|127\.0\.0\.1)(?::(\d{1,5}))?$/i.exec(host ?? '');
  return m !== null && (m[1] === undefined || Number(m[1]) === port);
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const { input, templateDir, themeDir, department, date } = options;
  // With a department and no -t, the department's `extends:` picks the theme (as in build).
  const theme = options.theme ?? (department ? undefined : DEFAULT_THEME);
  const port = options.port ?? DEFAULT_PREVIEW_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TrialdeckError('USAGE', `invalid port ${port}; expected 0-65535`);
  await checkInput(input);
  // A mistyped theme or department name cannot be fixed by editing a file: fail now, not in the overlay.
  const look = await resolveLook({ theme, themeDir, department });

  const tempDir = await mkdtemp(join(tmpdir(), 'trialdeck-preview-'));
  const bootId = randomBytes(4).toString('hex');
  const state = { deck: undefined as DeckBuild | undefined, error: undefined as ErrorReport | undefined, builds: 0, lastBuildMs: undefined as number | undefined };
  const version = (): string => `${bootId}-${state.builds}`;
  let page: { version: string; html: string; csp: string } | undefined;
  const stream = new EventStream();
  let closed = false;

  const emit = (event: PreviewEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not take the server (or the build queue) down with it.
    }
  };
  const rebuilder = new Rebuilder(
    async () => {
      const loaded = await loadTrial(input);
      return makeDeck(loaded.trial, loaded.warnings, { theme, templateDir, themeDir, department, date, cacheDir: join(tempDir, 'charts') });
    },
    (outcome) => {
      state.builds += 1;
      state.lastBuildMs = outcome.ms;
      if (outcome.ok) {
        state.deck = outcome.deck;
        state.error = undefined;
        stream.broadcast(SSE_EVENTS.reload, version(), version());
        emit({ type: 'rebuilt', ms: outcome.ms, slides: outcome.deck.rendered.slides.length, warnings: outcome.deck.warnings, changed: outcome.kinds });
      } else {
        // The last good deck stays in state.deck: the overlay goes on top of it.
        state.error = describeError(outcome.error);
        stream.broadcast(SSE_EVENTS.buildError, state.error, version());
        emit({ type: 'error', ms: outcome.ms, error: outcome.error, report: state.error, changed: outcome.kinds });
      }
    },
  );

  const currentPage = (): { html: string; csp: string } => {
    if (page?.version !== version()) {
      const base = state.deck?.rendered.html ?? placeholderPage(`trialdeck preview: ${input}`);
      page = { version: version(), html: injectLiveReload(base, { version: version(), error: state.error }), csp: previewCsp(base) };
    }
    return page;
  };

  let actualPort = port;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    if (!isLoopbackHost(req.headers.host, actualPort)) return reply(res, 403, 'Forbidden: the preview only answers to localhost and 127.0.0.1.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return reply(res, 405, 'Method not allowed.\n');
    }
    let url: URL;
    try {
      url = new URL(`http://localhost${req.url ?? '/'}`);
    } catch {
      return reply(res, 400, 'Bad request.\n');
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const { html, csp } = currentPage();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(req.method === 'HEAD' ? undefined : html);
    } else if (url.pathname === EVENTS_PATH && req.method === 'GET') {
      const last = req.headers['last-event-id'];
      stream.attach(req, res, typeof last === 'string' ? last : (url.searchParams.get('v') ?? undefined), version());
    } else {
      reply(res, 404, 'Not found.\n');
    }
  };
  const server = createServer(handle);

  try {
    actualPort = await listen(server, port);
  } catch (err) {
    await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
  const url = `http://${PREVIEW_HOST}:${actualPort}/`;
  let watcher: SourceWatcher;
  try {
    // Watch before the first build, so an edit made while it runs is not lost.
    watcher = watchSources(watchTargets({ input, templateDir, themeDir, departmentFile: look.department?.file }), (kinds) => {
      if (!closed) void rebuilder.request(kinds);
    }, options.debounceMs);
  } catch (err) {
    // E.g. ENOSPC: the system's inotify watch limit is used up.
    server.close();
    await rm(tempDir, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new TrialdeckError('INTERNAL', `cannot watch the deck's source folders: ${reason}`);
  }
  emit({ type: 'listening', url });
  await rebuilder.request([]);
  const warming = (async () => {
    // Each warm-up yields to a real build: an edit made meanwhile waits for one at most.
    for (let i = 0; i < (options.warmUpBuilds ?? 4) && !closed; i++) if (!(await rebuilder.warmUp())) break;
  })();

  let closing: Promise<void> | undefined;
  return {
    url,
    port: actualPort,
    tempDir,
    get lastBuildMs() {
      return state.lastBuildMs;
    },
    async idle() {
      await warming;
      await rebuilder.idle();
    },
    rebuild() {
      if (closed) return Promise.reject(new TrialdeckError('USAGE', 'the preview server is closed'));
      return rebuilder.request(CHANGE_KINDS);
    },
    close() {
      closing ??= (async () => {
        closed = true;
        watcher.close();
        stream.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        // A build still running would write into the cache after it is removed.
        await warming;
        await rebuilder.idle();
        await rm(tempDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function checkInput(input: string): Promise<void> {
  if (!inputFormat(input)) {
    const all = [...INPUT_FORMATS.data, ...INPUT_FORMATS.summary].join(', ');
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${input}: unsupported file type; expected one of ${all}`);
  }
  const info = await stat(input).catch(() => undefined);
  if (!info?.isFile()) throw new TrialdeckError('INPUT_NOT_FOUND', `${input}: no such file`);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      const reason = err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${err.code ?? err.message})`;
      reject(new TrialdeckError('USAGE', `port ${port} on ${PREVIEW_HOST} ${reason}; pick another with --port (0 = any free port)`));
    };
    server.once('error', onError);
    server.listen(port, PREVIEW_HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
