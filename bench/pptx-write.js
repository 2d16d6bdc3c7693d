// Times writing the native PPTX alone, in a fresh process (cold, as in a
// build): everything before it (load, charts, compose, render) is done first
// and not counted. Prints one JSON line: { ms, bytes }. Used by bench/run.js.
//
//   node bench/pptx-write.js [trial.yaml]
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = process.argv[2] ?? `${root}data/levoecmo.yaml`;
const { makeDeck } = await import(`${root}dist/build.js`);
const { loadTrial } = await import(`${root}dist/trial/load.js`);
const { nativePptx } = await import(`${root}dist/export/native-pptx.js`);

const { trial, warnings } = await loadTrial(input);
const deck = await makeDeck(trial, warnings, { cacheDir: false });
const start = performance.now();
const { bytes } = await nativePptx(deck);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, bytes: bytes.length }));
