import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { StudioSession } from '../dist/studio/session.js';
import { convertToYaml } from '../dist/studio/convert.js';
const s = new StudioSession('/tmp/s4'); 
const text = convertToYaml(await readFile('test/fixtures/summaries/LEVOECMO.txt','utf8'), 'x.txt').yaml;
const edit = (i) => text.replace(/^( {2}journal: .*?)(?: \d+)?$/m, `$1 ${i}`);
for (let i=0;i<8;i++) await s.build({yaml: edit(i)});
const ts=[]; const ms=[];
for (let i=8;i<30;i++){ const t0=performance.now(); const r = await s.build({yaml: edit(i)}); ts.push(performance.now()-t0); ms.push(r.ms); }
const med = (a) => [...a].sort((x,y)=>x-y)[a.length>>1].toFixed(0);
console.log(process.env.TRIALDECK_CHART_WORKER ?? 'worker', 'total median', med(ts), 'build ms median', med(ms));
await s.close(); process.exit(0);
