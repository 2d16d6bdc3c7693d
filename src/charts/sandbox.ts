// vega, loaded lazily and run in a sandbox. It may neither read files nor
// fetch URLs, and nothing it complains about may pass silently: vega's
// default loader reads local files and fetches `data.url`, and a failed load
// is only a warning that leaves an empty chart. Here every load rejects and
// every warning fails. vega + vega-lite cost ~0.45 s to import, so they are
// imported on first use only: a deck whose charts are cached never loads them.
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import { TrialdeckError } from '../errors.js';
import { vegaTextWidth } from './text-metrics.js';

export interface VegaEngine {
  vega: typeof Vega;
  vegaLite: typeof VegaLite;
}

/** How the renderer obtains vega; tests substitute a spy. */
export type EngineLoader = () => Promise<VegaEngine>;

/** Bump when anything that changes rendered SVG changes (versions, metrics, post-processing). */
export const RENDERER_VERSION = 'trialdeck-charts 3; vega 6.2.0; vega-lite 6.4.2; liberation-sans-2 metrics';

let loading: Promise<VegaEngine> | undefined;

/** Imports vega and vega-lite once per process and installs real text metrics. */
export const importVegaEngine: EngineLoader = () => {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(
    ([vega, vegaLite]) => {
      // Not in vega's typings, but part of its API (vl-convert sets it the same way).
      const metrics = (vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics;
      metrics.width = vegaTextWidth;
      return { vega, vegaLite };
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
};

function denied(what: string, target: unknown): Promise<never> {
  return Promise.reject(
    new TrialdeckError('CHART', `Charts may not load external resources (${what} ${JSON.stringify(String(target))}): supply data as named datasets`),
  );
}

/** A vega loader whose every method rejects with TrialdeckError('CHART'). */
export const denyAllLoader = {
  load: (uri: string): Promise<string> => denied('load', uri),
  sanitize: (uri: string): Promise<{ href: string }> => denied('sanitize', uri),
  http: (uri: string): Promise<string> => denied('http', uri),
  file: (filename: string): Promise<string> => denied('file', filename),
};

/** Structurally vega-util's LoggerInterface, which vega and vega-lite both accept. */
export interface VegaLogger {
  level(_?: number): number | VegaLogger;
  error(...args: unknown[]): VegaLogger;
  warn(...args: unknown[]): VegaLogger;
  info(...args: unknown[]): VegaLogger;
  debug(...args: unknown[]): VegaLogger;
}

/** A logger plus the first problem it saw, as a promise a render can race against. */
export interface FailingLogger extends VegaLogger {
  /** Rejects with the first warning or error; never resolves. */
  readonly failed: Promise<never>;
  /** The first warning or error, once there is one. */
  problem(): TrialdeckError | undefined;
}

function describe(args: readonly unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)))
    .join(' ');
}

/**
 * A logger that turns every vega / vega-lite warning or error into a
 * TrialdeckError('CHART'): it records it (rejecting `failed`) and throws it.
 *
 * One exception to throwing: when the warning reports a rejection that our
 * own sandbox raised (the deny-all loader), vega is inside a fire-and-forget
 * preload; a throw there would become an unhandled rejection and leave the
 * dataflow waiting forever. The problem is still recorded, so the render fails.
 */
export function createFailingLogger(label = 'vega'): FailingLogger {
  let first: TrialdeckError | undefined;
  let reject: (e: TrialdeckError) => void = () => {};
  const failed = new Promise<never>((_, rej) => {
    reject = rej;
  });
  failed.catch(() => {}); // observed by whoever races it; never an unhandled rejection
  let level = 2; // vega's Warn level; info and debug are ignored

  const fail = (kind: string, args: unknown[]): never | FailingLogger => {
    const own = args.find((a): a is TrialdeckError => a instanceof TrialdeckError);
    const err = own ?? new TrialdeckError('CHART', `${label} ${kind}: ${describe(args)}`);
    if (!first) {
      first = err;
      reject(err);
    }
    if (own) return logger;
    throw err;
  };

  const logger: FailingLogger = {
    failed,
    problem: () => first,
    level(_?: number) {
      if (_ === undefined) return level;
      level = _;
      return logger;
    },
    error: (...args: unknown[]) => fail('error', args),
    warn: (...args: unknown[]) => fail('warning', args),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Where in a spec an external resource is named, or undefined when none is. */
export function findExternalReference(value: unknown, path = '$'): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findExternalReference(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // `url` names data or images to fetch; `href` makes marks into links.
      if (key === 'url' || key === 'href') return `${path}.${key}`;
      const hit = findExternalReference(v, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return undefined;
}
