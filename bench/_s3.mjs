import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { StudioSession } from '../dist/studio/session.js';
const s = new StudioSession('/tmp/s3'); 
const text = await readFile('data/levoecmo.yaml','utf8');
const edit = process.env.EDIT === 'text' ? (i) => text.replace('Levosimendan (a calcium-sensitiser', `Levosimendan (a calcium-sensitiser ${i}`) : (i) => text.replace(/^( {2}journal: .*?)$/m, `$1 ${i}`);
for (let i=0;i<8;i++) await s.build({yaml: edit(i)});
const ts=[]; const t00 = performance.now();
for (let i=8;i<40;i++){ const t0=performance.now(); await s.build({yaml: edit(i)}); ts.push(performance.now()-t0); }
ts.sort((a,b)=>a-b); console.log(process.env.EDIT ?? 'journal', 'median', ts[ts.length>>1].toFixed(0), 'min', ts[0].toFixed(0), 'cpu', (process.cpuUsage().user/1000).toFixed(0));
await s.close(); process.exit(0);
