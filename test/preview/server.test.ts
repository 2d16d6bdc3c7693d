// The preview server without a browser: what it watches, how it rebuilds,
// what it injects, and that the built deck itself stays offline-only.
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { TrialdeckError } from '../../src/errors.js';
import { injectLiveReload, isLoopbackHost, startPreview, type PreviewServer } from '../../src/preview/index.js';
import { Rebuilder } from '../../src/preview/rebuilder.js';
import { watchSources, type ChangeKind } from '../../src/preview/watch.js';
import { parseTrialText } from '../../src/trial/load.js';
import { EventLog, rawGet, trialCopy } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('isLoopbackHost', () => {
  it('accepts localhost and 127.0.0.1, with no port or the right one', () => {
    for (const host of ['localhost', 'LOCALHOST:4807', '127.0.0.1', '127.0.0.1:4807']) expect(isLoopbackHost(host, 4807), host).toBe(true);
  });
  it('refuses other names, other ports and a missing Host', () => {
    for (const host of [undefined, '', 'evil.example', 'localhost.evil.example', '127.0.0.1:80', 'localhost:4807@evil', '[::1]:4807', '0.0.0.0:4807']) {
      expect(isLoopbackHost(host, 4807), String(host)).toBe(false);
    }
  });
});

describe('injectLiveReload', () => {
  let html: string;
  beforeAll(async () => {
    const copy = trialCopy('td-preview-inject-');
    const { trial, warnings } = parseTrialText(readFileSync(copy.file, 'utf8'), copy.file, 'data');
    html = (await makeDeck(trial, warnings, { cacheDir: join(copy.dir, 'cache') })).rendered.html;
    rmSync(copy.dir, { recursive: true, force: true });
  });

  it('leaves the built deck offline-only: no event stream, no connect-src', () => {
    expect(html).not.toContain('EventSource');
    expect(html).not.toContain('/__events');
    expect(html).not.toContain('connect-src');
  });

  it('adds connect-src self, the client and an escaped overlay', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const page = injectLiveReload(html, { version: 'v1', error: { message: `bad ${evil}`, problems: [`deck.hbs:3:1: ${evil}`] } });
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*connect-src &#39;self&#39;">/);
    expect(page).toContain("new EventSource(\"/__events\"+'?v='+encodeURIComponent(\"v1\"))");
    expect(page).not.toContain(evil);
    expect(page).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    expect(page.indexOf('td-preview-error')).toBeGreaterThan(page.indexOf('id="deck"'));
  });

  it('refuses HTML without the shell CSP rather than serving a page with none', () => {
    expect(() => injectLiveReload('<html><body></body></html>', { version: 'v' })).toThrow(/Content-Security-Policy/);
  });
});

describe('watchSources', () => {
  it('reports kinds after the debounce, once per burst, ignoring files that do not matter', async () => {
    const dir = trialCopy('td-preview-watch-').dir;
    mkdirSync(join(dir, 'themes'));
    const calls: ChangeKind[][] = [];
    const watcher = watchSources(
      [
        { dir, kind: 'data', accept: (n) => n === 'levoecmo.yaml' },
        { dir: join(dir, 'themes'), kind: 'theme', accept: (n) => n.endsWith('.css') },
        { dir: join(dir, 'missing'), kind: 'template', accept: () => true },
      ],
      (kinds) => calls.push([...kinds].sort()),
      50,
    );
    try {
      expect(watcher.dirs).toEqual([dir, join(dir, 'themes')]);
      writeFileSync(join(dir, '.levoecmo.yaml.swp'), 'x');
      await sleep(200);
      expect(calls).toEqual([]);
      for (let i = 0; i < 5; i++) appendFileSync(join(dir, 'levoecmo.yaml'), `# ${i}\n`);
      writeFileSync(join(dir, 'themes', 'x.css'), '/* @theme x */');
      for (let waited = 0; calls.length === 0 && waited < 5_000; waited += 25) await sleep(25);
      await sleep(200); // a second call would come within the debounce
      expect(calls).toEqual([['data', 'theme']]);
    } finally {
      watcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Rebuilder', () => {
  it('runs one build at a time and merges changes made meanwhile into one more', async () => {
    let builds = 0;
    let release: () => void = () => {};
    const done: ChangeKind[][] = [];
    const rebuilder = new Rebuilder(
      async () => {
        builds += 1;
        await new Promise<void>((r) => (release = r));
        return {} as never;
      },
      (o) => done.push(o.kinds),
    );
    const first = rebuilder.request(['data']);
    const second = rebuilder.request(['template']);
    const third = rebuilder.request(['theme', 'data']);
    expect(second).toBe(third);
    release();
    await first;
    await sleep(10);
    release();
    await Promise.all([second, third]);
    expect(builds).toBe(2);
    expect(done).toEqual([['data'], ['template', 'theme', 'data']]);
  });
});

describe('startPreview', () => {
  let copy: ReturnType<typeof trialCopy>;
  let server: PreviewServer;
  const log = new EventLog();
  beforeAll(async () => {
    copy = trialCopy('td-preview-src-');
    cpSync(join(root, 'templates'), join(copy.dir, 'templates'), { recursive: true });
    cpSync(join(root, 'themes'), join(copy.dir, 'themes'), { recursive: true });
    server = await startPreview({ input: copy.file, port: 0, templateDir: join(copy.dir, 'templates'), themeDir: join(copy.dir, 'themes'), onEvent: log.listener });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(copy.dir, { recursive: true, force: true });
  });
  const page = async (): Promise<string> => (await rawGet(server.port, '/', `127.0.0.1:${server.port}`)).body;

  it('rebuilds when a partial changes, reports template errors with the file, and recovers', async () => {
    const partial = join(copy.dir, 'templates', 'partials', 'slide.hbs');
    const original = readFileSync(partial, 'utf8');
    let next = log.next('rebuilt');
    writeFileSync(partial, original.replace('## {{md title}}', '## {{md title}} TEMPLATE-MARKER'));
    expect((await next).changed).toEqual(['template']);
    expect(await page()).toContain('TEMPLATE-MARKER');

    const failed = log.next('error');
    writeFileSync(partial, `${original}\n{{#each blocks}}\n`);
    const error = await failed;
    expect(error.error).toBeInstanceOf(TrialdeckError);
    expect((error.error as TrialdeckError).code).toBe('TEMPLATE');
    const broken = await page();
    expect(broken).toContain('TEMPLATE-MARKER'); // the last good deck …
    expect(broken).toMatch(/<div id="td-preview-error" role="alert"><strong>[^<]*<\/strong><p>[^<]*slide\.hbs/); // … under the overlay

    next = log.next('rebuilt');
    writeFileSync(partial, original);
    await next;
    const fixed = await page();
    expect(fixed).not.toContain('TEMPLATE-MARKER');
    expect(fixed).toContain('<div id="td-preview-error" role="alert" hidden></div>');
  });

  it('rebuilds when a theme changes', async () => {
    const next = log.next('rebuilt');
    appendFileSync(join(copy.dir, 'themes', 'clinical.css'), '\nsection { outline-color: #123457; }\n');
    expect((await next).changed).toEqual(['theme']);
    expect(await page()).toContain('#123457');
  });

  it('rebuild() builds now and reports how long it took', async () => {
    const outcome = await server.rebuild();
    expect(outcome.ok).toBe(true);
    expect(server.lastBuildMs).toBe(outcome.ms);
  });

  it('answers 404 for anything but the page and the event stream', async () => {
    expect((await rawGet(server.port, '/deck.md', `localhost:${server.port}`)).status).toBe(404);
  });
});

describe('startPreview with a department', () => {
  it('shows its footer and date, and rebuilds when the department file or its logo changes', async () => {
    const copy = trialCopy('td-preview-dept-');
    const dept = join(copy.dir, 'dept');
    mkdirSync(dept);
    cpSync(join(root, 'themes/departments/example.yaml'), join(dept, 'ward.yaml'));
    cpSync(join(root, 'themes/departments/example-logo.svg'), join(dept, 'example-logo.svg'));
    const log = new EventLog();
    const server = await startPreview({ input: copy.file, port: 0, department: join(dept, 'ward.yaml'), date: '2026-03-12', onEvent: log.listener });
    try {
      const page = async (): Promise<string> => (await rawGet(server.port, '/', `127.0.0.1:${server.port}`)).body;
      const first = await page();
      expect(first).toContain('CCU journal club');
      expect(first).toContain('2026-03-12');

      let next = log.next('rebuilt');
      writeFileSync(join(dept, 'ward.yaml'), readFileSync(join(dept, 'ward.yaml'), 'utf8').replace('footer: CCU journal club', 'footer: Ward 7 journal club'));
      expect((await next).changed).toEqual(['theme']);
      expect(await page()).toContain('Ward 7 journal club');

      // The logo is embedded as base64: the new file's bytes must be in the page.
      const logo = readFileSync(join(dept, 'example-logo.svg'), 'utf8').replace('</svg>', '<desc>LOGO-V2</desc></svg>');
      expect(first).not.toContain(Buffer.from(logo).toString('base64'));
      next = log.next('rebuilt');
      writeFileSync(join(dept, 'example-logo.svg'), logo);
      expect((await next).changed).toEqual(['theme']);
      expect(await page()).toContain(Buffer.from(logo).toString('base64'));
    } finally {
      await server.close();
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });
});

describe('startPreview on a trial summary', () => {
  it('builds from the .txt and rebuilds when it changes', async () => {
    const dir = trialCopy('td-preview-txt-').dir;
    const file = join(dir, 'levoecmo.txt');
    const text = readFileSync(join(root, 'test/fixtures/summaries/LEVOECMO.txt'), 'utf8');
    writeFileSync(file, text);
    const log = new EventLog();
    const server = await startPreview({ input: file, port: 0, onEvent: log.listener, warmUpBuilds: 0 });
    try {
      expect(log.events.map((e) => e.type)).toEqual(['listening', 'rebuilt']);
      const next = log.next('rebuilt');
      writeFileSync(file, `${text}\n`);
      expect((await next).changed).toEqual(['data']);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('startPreview refuses bad input up front', () => {
  it('names a missing file, an unsupported type, an unknown theme and a bad port', async () => {
    await expect(startPreview({ input: '/nonexistent/trial.yaml', port: 0 })).rejects.toThrow(/no such file/);
    await expect(startPreview({ input: join(root, 'vitest.config.ts'), port: 0 })).rejects.toThrow(/unsupported file type/);
    const copy = trialCopy('td-preview-bad-');
    try {
      await expect(startPreview({ input: copy.file, port: 0, theme: 'no-such-theme' })).rejects.toThrow(/unknown theme "no-such-theme"/);
      await expect(startPreview({ input: copy.file, port: 70000 })).rejects.toThrow(/invalid port/);
      const taken = createServer();
      await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
      const port = (taken.address() as AddressInfo).port;
      await expect(startPreview({ input: copy.file, port })).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
      await new Promise((r) => taken.close(r));
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });
});
