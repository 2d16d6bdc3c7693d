// Build progress on the terminal. On a TTY: one bar line on stderr, redrawn
// in place with \r (current trial, its formats, elapsed time) and cleared
// before anything else is printed. Otherwise, for batches only: plain lines,
// one per trial (a single trial's ✓ line says all there is to say).
import { basename } from 'node:path';
import type { BuildEvent, Format } from '../build.js';

const BAR_WIDTH = 20;
const TICK_MS = 250;

export interface Progress {
  event(e: BuildEvent): void;
  /** Removes the bar line so other output starts on a clean line. */
  clear(): void;
  /** Redraws the bar after other output. */
  redraw(): void;
  stop(): void;
  elapsed(): string;
}

export function createProgress(formats: readonly Format[], total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const tty = stream.isTTY === true && !process.env.CI;
  const lines = !tty && total > 1;
  let finished = 0;
  let current = '';
  let step = '';
  let visible = false;

  const line = (): string => {
    const filled = Math.round((finished / Math.max(total, 1)) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const shown = formats.map((f) => (f === step ? `[${f}]` : f)).join(' ');
    const what = step === 'pptx-wait' ? 'image PPTX for all decks (marp-cli)' : current ? `${basename(current)} · ${shown}` : 'starting';
    // Elapsed time before the trial name, so a narrow terminal cuts the name, not the clock.
    const text = `${bar} ${finished}/${total} · ${elapsed()} · ${what}`;
    const width = stream.columns ?? 100;
    return text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text;
  };
  const draw = (): void => {
    if (!tty) return;
    stream.write(`\r\u001b[2K${line()}`);
    visible = true;
  };
  const clear = (): void => {
    if (!tty || !visible) return;
    stream.write('\r\u001b[2K');
    visible = false;
  };
  const timer = tty ? setInterval(draw, TICK_MS) : undefined;
  timer?.unref();

  return {
    event(e) {
      switch (e.kind) {
        case 'step':
          if (e.step === 'render' && lines) stream.write(`[${e.index + 1}/${e.total}] ${e.input}\n`);
          current = e.input;
          step = e.step;
          if (e.step === 'render') finished = e.index;
          break;
        case 'pptx':
          if (e.phase === 'wait') {
            step = 'pptx-wait';
            finished = total;
            if (lines) stream.write(`PPTX: waiting for marp-cli (${e.decks} deck${e.decks === 1 ? '' : 's'})\n`);
          }
          break;
        default:
          break;
      }
      draw();
    },
    clear,
    redraw: draw,
    stop() {
      if (timer) clearInterval(timer);
      clear();
    },
    elapsed,
  };
}
