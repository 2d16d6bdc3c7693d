// One browser for a whole batch: discovered and launched lazily on first use,
// reused for every deck and format, and always cleaned up. Everything the
// session writes (the Chromium profile, marp-cli's temp folder) lives under one
// fresh mkdtemp folder, removed by close(), by the SIGINT/SIGTERM handlers
// (exit 130/143) and, as a last resort, synchronously on process exit.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { TrialdeckError } from '../errors.js';
import { discoverBrowser, type BrowserLocation, type DiscoveryOptions } from './browser-discovery.js';
import { MESSAGES } from './messages.js';

export interface SessionOptions extends DiscoveryOptions {
  /** Where the session's temp folder is made; defaults to os.tmpdir(). */
  tmpDir?: string;
}

/** Quiet, offline, no first-run UI; the page-level lock-down is in openPage(). */
export const LAUNCH_ARGS = [
  // puppeteer adds --headless=new itself (headless: true).
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
  '--mute-audio',
] as const;

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs async jobs one at a time, in call order; a failed job does not block the next. */
export function serialise(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

export class BrowserSession {
  readonly options: SessionOptions;
  #location?: Promise<BrowserLocation | undefined>;
  #browser?: Promise<Browser>;
  #launched?: Browser;
  #root?: Promise<string>;
  #rootPath?: string;
  #closed = false;
  #page?: Promise<Page>;
  readonly #serial = serialise();

  constructor(options: SessionOptions = {}) {
    this.options = options;
  }

  /** The browser to use, or undefined when there is none (cached for the session). */
  locate(): Promise<BrowserLocation | undefined> {
    this.#location ??= discoverBrowser(this.options);
    return this.#location;
  }

  /** The session's own temp folder, made on first use. */
  root(): Promise<string> {
    this.#root ??= (async () => {
      const dir = await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'trialdeck-'));
      this.#rootPath = dir;
      track(this);
      return dir;
    })();
    return this.#root;
  }

  /** A new empty folder inside the session's temp folder. */
  async tempDir(name: string): Promise<string> {
    return mkdtemp(join(await this.root(), `${name}-`));
  }

  /** Launches the browser and opens the page in the background, to overlap other work. */
  warmUp(): void {
    void this.#serial(async () => {
      try {
        this.#page ??= this.#newPage();
        await this.#page;
      } catch {
        // Reported by the first real job, which tries again.
        this.#page = undefined;
      }
    });
  }

  browser(): Promise<Browser> {
    if (this.#closed) return Promise.reject(new TrialdeckError('INTERNAL', 'browser session already closed'));
    this.#browser ??= this.#launch();
    return this.#browser;
  }

  async #launch(): Promise<Browser> {
    const location = await this.locate();
    if (!location) throw new TrialdeckError('BROWSER_NOT_FOUND', MESSAGES.noBrowser(['PDF', 'handout', 'PNG', 'PPTX']));
    const root = await this.root();
    const profile = join(root, 'profile');
    await mkdir(profile);
    const launch = (noSandbox: boolean): Promise<Browser> =>
      puppeteer.launch({
        executablePath: location.path,
        headless: true,
        userDataDir: profile,
        // Chromium's scratch folders (org.chromium.Chromium.*) go into our folder too: the browser is
        // killed, not closed (see close()), so it never removes them itself; we remove the folder.
        env: { ...process.env, TMPDIR: root },
        args: [...LAUNCH_ARGS, ...(noSandbox ? ['--no-sandbox'] : [])],
        // Our own handlers clean up the profile before exiting; puppeteer's would exit first.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 60_000,
        protocolTimeout: 120_000,
      });
    let browser: Browser;
    try {
      browser = await launch(isRoot());
    } catch (err) {
      // Containers often lack user namespaces: retry once without the sandbox.
      if (isRoot() || !/sandbox/i.test(String(err))) throw launchError(location.path, err);
      try {
        browser = await launch(true);
      } catch (again) {
        throw launchError(location.path, again);
      }
    }
    this.#launched = browser;
    return browser;
  }

  /**
   * Runs `fn` on the session's locked-down page: JavaScript off unless asked
   * for, and every request that is not a `data:` URL aborted. Documents are
   * loaded with `page.setContent`, which is not a request, so `data:` images
   * are all a page can ever load. One page is reused for every job (a new tab
   * costs more than a print); jobs take turns, and a failed job's page is
   * thrown away.
   */
  withPage<T>(fn: (page: Page) => Promise<T>, options: { javascript?: boolean } = {}): Promise<T> {
    return this.#serial(async () => {
      this.#page ??= this.#newPage();
      let page: Page | undefined;
      try {
        page = await this.#page;
        await page.setJavaScriptEnabled(options.javascript ?? false);
        await page.emulateMediaType(undefined);
        return await fn(page);
      } catch (err) {
        this.#page = undefined;
        await page?.close().catch(() => undefined);
        throw err;
      }
    });
  }

  async #newPage(): Promise<Page> {
    const browser = await this.browser();
    // close() may have begun while the browser was starting: a new tab now would outlive it.
    if (this.#closed) throw new TrialdeckError('INTERNAL', 'browser session already closed');
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  /** Closes the browser and removes the temp folder. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const browser = this.#launched ?? (await this.#browser?.catch(() => undefined));
    if (browser) {
      // The profile is deleted next, so nothing is worth Chromium's graceful shutdown
      // (browser.close() waits for it to save state): disconnect and kill the process
      // group at once, measured 100–250 ms sooner on a loaded 2-core machine.
      const proc = browser.process();
      let exited: Promise<unknown>;
      if (!proc) exited = browser.close().catch(() => undefined);
      else {
        exited = proc.exitCode === null && proc.signalCode === null ? new Promise((resolve) => proc.once('exit', resolve)) : Promise.resolve();
        await browser.disconnect().catch(() => undefined);
      }
      killGroup(browser);
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
      await Promise.race([exited, timeout]);
    }
    const root = this.#rootPath ?? (await this.#root?.catch(() => undefined));
    if (root) await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    untrack(this);
  }

  /** Synchronous last resort for process exit: kill the browser, remove the folder. */
  closeSync(): void {
    this.#closed = true;
    if (this.#launched) killGroup(this.#launched);
    if (this.#rootPath) rmSync(this.#rootPath, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  }
}

/**
 * Chromium's helpers (zygote, GPU, utility, renderers) can outlive the main
 * process for a moment and write into the profile after we removed it.
 * puppeteer starts the browser as a process-group leader, so one signal to
 * the group ends them all.
 */
function killGroup(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function launchError(file: string, err: unknown): TrialdeckError {
  const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  return new TrialdeckError('EXPORT', MESSAGES.launchFailed(file, reason));
}

// ── Process-wide clean-up on Ctrl-C, kill and exit ───────────────────────────

const open = new Set<BrowserSession>();
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
let handlersInstalled = false;

// While a session is open it owns Ctrl-C and kill: Node's default would exit
// at once and leave Chromium's profile behind.
function onSignal(signal: keyof typeof SIGNAL_EXIT): void {
  void Promise.allSettled([...open].map((s) => s.close())).finally(() => process.exit(SIGNAL_EXIT[signal]));
}
const onSigint = (): void => onSignal('SIGINT');
const onSigterm = (): void => onSignal('SIGTERM');
const onExit = (): void => {
  for (const s of open) s.closeSync();
};

function track(session: BrowserSession): void {
  open.add(session);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('exit', onExit);
}

function untrack(session: BrowserSession): void {
  open.delete(session);
  if (open.size > 0 || !handlersInstalled) return;
  handlersInstalled = false;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.off('exit', onExit);
}
