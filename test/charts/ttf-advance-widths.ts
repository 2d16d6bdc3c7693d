// A minimal TrueType reader for the metric-table test: advance widths per code
// point from the `cmap` (format 4, BMP) and `hmtx` tables. Enough to prove the
// table in src/charts/font-metrics.ts is the font's own numbers.
import { readFileSync } from 'node:fs';

export interface FontWidths {
  unitsPerEm: number;
  /** Advance width in font units, or undefined when the font has no glyph. */
  advance(codePoint: number): number | undefined;
}

export function readAdvanceWidths(file: string): FontWidths {
  const buf = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const at = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`${file}: no ${tag} table`);
    return off;
  };
  const unitsPerEm = buf.readUInt16BE(at('head') + 18);
  const numHMetrics = buf.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const glyphAdvance = (glyph: number): number =>
    buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numHMetrics - 1));

  // Find the Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format-4 Unicode cmap`);
  const segCount = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;

  const glyphOf = (cp: number): number => {
    for (let s = 0; s < segCount; s++) {
      if (cp > buf.readUInt16BE(ends + 2 * s)) continue;
      const start = buf.readUInt16BE(starts + 2 * s);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + 2 * s);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };

  return {
    unitsPerEm,
    advance(cp: number) {
      if (cp > 0xffff) return undefined;
      const g = glyphOf(cp);
      return g === 0 ? undefined : glyphAdvance(g);
    },
  };
}
