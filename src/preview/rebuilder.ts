// Runs one build at a time. Changes that arrive during a build are merged
// into a single follow-up build, so a burst of saves costs at most two
// builds and the last one always sees the newest files.
import type { DeckBuild } from '../build.js';
import { clearTemplateCache } from '../deck/compose.js';
import { clearThemeCache } from '../themes/registry.js';
import type { ChangeKind } from './watch.js';

export type BuildOutcome =
  | { ok: true; deck: DeckBuild; ms: number; kinds: ChangeKind[] }
  | { ok: false; error: unknown; ms: number; kinds: ChangeKind[] };

interface Queued {
  kinds: Set<ChangeKind>;
  promise: Promise<BuildOutcome>;
}

export class Rebuilder {
  /** The build (or warm-up) in progress; a request waits for it, then runs. */
  private running: Promise<unknown> | undefined;
  private queued: Queued | undefined;

  constructor(
    private readonly build: () => Promise<DeckBuild>,
    private readonly done: (outcome: BuildOutcome) => void,
  ) {}

  /** Resolves with the build that includes these changes (never rejects). */
  request(kinds: Iterable<ChangeKind>): Promise<BuildOutcome> {
    if (!this.running) return this.start(new Set(kinds));
    if (this.queued) {
      for (const k of kinds) this.queued.kinds.add(k);
      return this.queued.promise;
    }
    const merged = new Set(kinds);
    const promise = this.running.then(() => {
      this.queued = undefined;
      return this.start(merged);
    });
    this.queued = { kinds: merged, promise };
    return promise;
  }

  /**
   * Runs the build once more without reporting it, if nothing else is
   * running or waiting. V8 optimises the pipeline only after a few runs, so
   * without this the first edits take 2-3 times as long as later ones.
   * Returns false when it did not run (a real build goes first).
   */
  async warmUp(): Promise<boolean> {
    if (this.running || this.queued) return false;
    const run = this.build().then(
      () => undefined,
      () => undefined,
    );
    const tracked = run.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    this.running = tracked;
    await tracked;
    return true;
  }

  /** Waits for the current and queued builds, e.g. before the cache folder is removed. */
  async idle(): Promise<void> {
    while (this.running || this.queued) await (this.queued?.promise ?? this.running);
  }

  private start(kinds: Set<ChangeKind>): Promise<BuildOutcome> {
    const run = this.run([...kinds]).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async run(kinds: ChangeKind[]): Promise<BuildOutcome> {
    // Compiled templates and parsed themes are cached per process; chart
    // specs are read on every build and their SVGs are cached by content.
    if (kinds.includes('template')) clearTemplateCache();
    if (kinds.includes('theme')) clearThemeCache();
    const started = performance.now();
    let outcome: BuildOutcome;
    try {
      const deck = await this.build();
      outcome = { ok: true, deck, ms: performance.now() - started, kinds };
    } catch (error) {
      outcome = { ok: false, error, ms: performance.now() - started, kinds };
    }
    this.done(outcome);
    return outcome;
  }
}
