import { mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recover, recoverAll, stageOutput } from '../../src/export/atomic-output.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'td-atomic-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function previousDeck(): void {
  mkdirSync(join(root, 'levoecmo'));
  writeFileSync(join(root, 'levoecmo', 'deck.md'), 'old deck');
}

describe('atomic output', () => {
  it('swaps a finished build in and leaves no staging folders', async () => {
    previousDeck();
    const s = await stageOutput(root, 'levoecmo');
    await s.write('deck.md', 'new deck');
    await s.write('charts/forest.svg', '<svg/>');
    expect(readFileSync(join(root, 'levoecmo', 'deck.md'), 'utf8')).toBe('old deck');
    await s.commit();
    expect(readFileSync(join(root, 'levoecmo', 'deck.md'), 'utf8')).toBe('new deck');
    expect(readdirSync(root)).toEqual(['levoecmo']);
  });

  it('a discarded build leaves the previous deck untouched', async () => {
    previousDeck();
    const s = await stageOutput(root, 'levoecmo');
    await s.write('deck.md', 'half');
    await s.discard();
    expect(readFileSync(join(root, 'levoecmo', 'deck.md'), 'utf8')).toBe('old deck');
    expect(readdirSync(root)).toEqual(['levoecmo']);
  });

  it('refuses to write outside the staging folder', async () => {
    const s = await stageOutput(root, 'levoecmo');
    await expect(s.write('../escape.txt', 'x')).rejects.toThrow(/outside the output folder/);
    await s.discard();
  });

  it('restores the previous deck when a build died between the two renames', async () => {
    previousDeck();
    renameSync(join(root, 'levoecmo'), join(root, '.retired-levoecmo-999999-abcd'));
    mkdirSync(join(root, '.staging-levoecmo-999999-ef01'));
    await recover(root, 'levoecmo');
    expect(readdirSync(root)).toEqual(['levoecmo']);
    expect(readFileSync(join(root, 'levoecmo', 'deck.md'), 'utf8')).toBe('old deck');
  });
});

describe('recover with ids that share a prefix', () => {
  it('never takes levoecmo-min’s folders for levoecmo’s', async () => {
    // levoecmo-min died between its renames; levoecmo is fine.
    mkdirSync(join(root, 'levoecmo'));
    writeFileSync(join(root, 'levoecmo', 'deck.md'), 'levoecmo deck');
    mkdirSync(join(root, '.retired-levoecmo-min-999999-abcdef01'));
    writeFileSync(join(root, '.retired-levoecmo-min-999999-abcdef01', 'deck.md'), 'levoecmo-min deck');
    // A live build of levoecmo-min (this process stands in for it) is staging.
    mkdirSync(join(root, `.staging-levoecmo-min-${process.ppid}-abcdef02`));
    await recover(root, 'levoecmo');
    expect(readdirSync(root).sort()).toEqual([`.staging-levoecmo-min-${process.ppid}-abcdef02`, '.retired-levoecmo-min-999999-abcdef01', 'levoecmo'].sort());
    expect(readFileSync(join(root, 'levoecmo', 'deck.md'), 'utf8')).toBe('levoecmo deck');
    // recoverAll restores levoecmo-min and leaves the live staging folder alone.
    await recoverAll(root);
    expect(readFileSync(join(root, 'levoecmo-min', 'deck.md'), 'utf8')).toBe('levoecmo-min deck');
    expect(readdirSync(root).sort()).toEqual([`.staging-levoecmo-min-${process.ppid}-abcdef02`, 'levoecmo', 'levoecmo-min'].sort());
  });

  it('leaves the retired deck of a build that is still swapping to that build', async () => {
    mkdirSync(join(root, `.retired-levoecmo-${process.ppid}-abcdef03`));
    await recover(root, 'levoecmo');
    expect(readdirSync(root)).toEqual([`.retired-levoecmo-${process.ppid}-abcdef03`]);
  });
});
