// Per-stage wall-clock times of one deck, printed to stderr when
// TRIALDECK_TIMINGS is set. The bench says how fast a build is; this says
// where the time goes, in the real (bundled, code-cached) CLI, which a
// profiler of the unbundled modules would misreport.
import { performance } from 'node:perf_hooks';

export class StageTimer {
  private last = performance.now();
  private readonly times: [string, number][] = [];

  mark(stage: string): void {
    const now = performance.now();
    this.times.push([stage, now - this.last]);
    this.last = now;
  }

  report(what: string): void {
    if (!process.env.TRIALDECK_TIMINGS) return;
    const since = Math.round(performance.now());
    process.stderr.write(`timings ${what}: ${this.times.map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ')} (at ${since} ms since start)\n`);
  }
}
