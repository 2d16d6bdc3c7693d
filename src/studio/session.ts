// The studio's deck state: the newest YAML the editor sent, the last good
// deck, and the exports made from it. Builds go through the preview's
// Rebuilder (one at a time; edits made during a build merge into one
// follow-up build that reads the newest text; warm-up builds after start).
//
//   POST /api/build text ──► pending source ──► Rebuilder ──► makeDeck
//       ok  ──► last good deck (+ version) ──► iframe loads /deck/<version>
//       err ──► problems with path and line; the last good deck stays
import { join } from 'node:path';
import { makeDeck, type DeckBuild } from '../build.js';
import { locateClaims } from '../cli/claim-lines.js';
import { formatProblem, isTrialdeckError, type Diagnostic } from '../errors.js';
import type { AuditFinding, ClaimFlag } from '../evidence/types.js';
import type { Exporter } from '../export/exporter.js';
import { nativePptx } from '../export/native-pptx.js';
import { Rebuilder } from '../preview/rebuilder.js';
import { parseTrialText } from '../trial/load.js';
import type { ParsedYaml } from '../trial/parse-yaml.js';
import type { BuildReply, Checks, Note } from './protocol.js';
import { memberOf } from '../member-of.js';

/** The name the pasted YAML goes by in messages: the browser's text has no file. */
export const EDITOR_FILE = 'trial.yaml';

export interface Source {
  yaml: string;
  theme?: string;
  department?: string;
}

export const EXPORT_KINDS = ['html', 'pdf', 'handout', 'pptx'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const isExportKind: (v: unknown) => v is ExportKind = memberOf(EXPORT_KINDS);

export class StudioSession {
  private source: Source | undefined;
  private good: { deck: DeckBuild; version: number } | undefined;
  private builds = 0;
  private exporter: Exporter | undefined;
  /** The text each deck was built from, parsed: the checks place their lines in it, not in newer text. */
  private readonly texts = new WeakMap<DeckBuild, { yaml: string; parsed?: ParsedYaml }>();
  readonly rebuilder: Rebuilder;

  constructor(private readonly tempDir: string) {
    this.rebuilder = new Rebuilder(() => this.buildNow(), () => {});
  }

  get deck(): DeckBuild | undefined {
    return this.good?.deck;
  }

  get version(): number {
    return this.good?.version ?? 0;
  }

  private async buildNow(): Promise<DeckBuild> {
    const source = this.source;
    if (!source) throw new Error('nothing to build yet');
    const parsed = parseTrialText(source.yaml, EDITOR_FILE, 'data');
    const deck = await makeDeck(parsed.trial, parsed.warnings, { theme: source.theme, department: source.department, cacheDir: join(this.tempDir, 'charts') });
    this.texts.set(deck, { yaml: source.yaml, parsed: parsed.yaml });
    return deck;
  }

  /** Builds `source` (or a newer one sent meanwhile). Never rejects: failures become notes. */
  async build(source: Source): Promise<BuildReply> {
    this.source = source;
    const outcome = await this.rebuilder.request([]);
    if (outcome.ok) {
      // Merged requests resolve with the same outcome: count each deck once.
      if (this.good?.deck !== outcome.deck) this.good = { deck: outcome.deck, version: ++this.builds };
      const deck = outcome.deck;
      return { ok: true, version: this.version, slides: deck.rendered.slides.length, ms: Math.round(outcome.ms), notes: deck.warnings.map(noteOf), checks: checksOf(deck, this.texts.get(deck) ?? { yaml: '' }) };
    }
    return { ok: false, version: this.version, slides: this.deck?.rendered.slides.length ?? 0, ms: Math.round(outcome.ms), notes: errorNotes(outcome.error) };
  }

  /** Bytes of one download, from the last good deck. */
  async export(kind: ExportKind): Promise<Uint8Array | undefined> {
    const deck = this.deck;
    if (!deck) return undefined;
    if (kind === 'html') return new TextEncoder().encode(deck.rendered.html);
    if (kind === 'pptx') return (await nativePptx(deck)).bytes;
    // One browser for the whole session, started on the first PDF (as `build` shares one per batch).
    this.exporter ??= new (await import('../export/exporter.js')).Exporter({ tmpDir: this.tempDir });
    let out: Uint8Array | undefined;
    await this.exporter.print(deck, [kind], async (_name, bytes) => {
      out = bytes;
    });
    return out;
  }

  async close(): Promise<void> {
    await this.rebuilder.idle();
    await this.exporter?.close();
  }
}

export function noteOf(d: Diagnostic): Note {
  return { level: d.level, text: d.message, ...(d.path ? { path: d.path } : {}), ...(d.line !== undefined ? { line: d.line } : {}) };
}

export function errorNotes(err: unknown): Note[] {
  if (!isTrialdeckError(err)) return [{ level: 'error', text: `internal error: ${err instanceof Error ? err.message : String(err)}` }];
  if (err.problems.length === 0) return [{ level: 'error', text: err.message }];
  // The path and line are shown beside the text (and jump there), so the text is the message alone.
  return err.problems.map((p) => ({ level: 'error', text: p.path || p.line !== undefined ? p.message : formatProblem({ ...p, file: undefined }), ...(p.path ? { path: p.path } : {}), ...(p.line !== undefined ? { line: p.line } : {}) }));
}

function checksOf(deck: DeckBuild, text: { yaml: string; parsed?: ParsedYaml }): Checks {
  const audit = deck.evidence.audit.filter((f: AuditFinding) => f.severity !== 'ok');
  let claims: ClaimFlag[] = deck.evidence.claims;
  try {
    claims = locateClaims(deck.evidence.claims, text.yaml, EDITOR_FILE, 'data', text.parsed);
  } catch {
    // Lines are a convenience: the flags stand without them.
  }
  return {
    audit: audit.map((f) => ({ outcome: f.outcomeName, compared: f.compared, reported: f.reportedText, recomputed: f.recomputedText, severity: f.severity, message: f.message })),
    claims: claims.map((c) => ({ path: c.path, ...(c.line !== undefined ? { line: c.line } : {}), category: c.category, sentence: c.sentence, message: c.message })),
  };
}
