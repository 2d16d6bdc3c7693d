// What the studio's server and its page say to each other: shared by
// session.ts (Node) and client/ (browser), so it imports nothing.

/** A problem as the page lists it: clicking it moves the editor to `line`. */
export interface Note {
  level: 'error' | 'warning';
  text: string;
  path?: string;
  line?: number;
}

export interface Checks {
  audit: { outcome: string; compared: string; reported: string; recomputed: string; severity: string; message: string }[];
  claims: { path: string; line?: number; category: string; sentence: string; message: string }[];
}

export interface BuildReply {
  ok: boolean;
  /** The deck the iframe should show (the last good one when ok is false); 0 = none yet. */
  version: number;
  slides: number;
  ms: number;
  notes: Note[];
  checks?: Checks;
}
