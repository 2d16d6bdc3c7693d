import { mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recover, stageOutput } from '../../src/export/atomic-output.js';

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
