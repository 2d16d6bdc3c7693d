import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { StudioSession } from '../dist/studio/session.js';
const s = new StudioSession('/tmp/s2'); 
const text = await readFile('data/levoecmo.yaml','utf8');
const ts=[];
for (let i=0;i<20;i++){ const t0=performance.now(); const r = await s.build({yaml: text.replace(/^( {2}journal: .*?)$/m, `$1 ${i}`)}); ts.push(performance.now()-t0); }
const w = ts.slice(6).sort((a,b)=>a-b); console.log(process.env.TRIALDECK_CHART_WORKER ?? 'worker', 'median', w[w.length>>1].toFixed(0), 'min', w[0].toFixed(0));
await s.close(); process.exit(0);
