// A deck built with a department: its logo and footer are in the HTML, and in
// the PDF a real Chromium prints from it (text via pdftotext, the logo as an
// image via pdfimages). An SVG logo's script never runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeck, type DeckBuild } from '../../src/build.js';
import { parseTrialText } from '../../src/trial/load.js';
import { withBrowser } from '../helpers/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'test/themes/fixtures/department/ward-7.yaml');
const logoBase64 = readFileSync(join(root, 'test/themes/fixtures/department/logo.png')).toString('base64');
let work: string;
let deck: DeckBuild;

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function levoecmo(options: Parameters<typeof makeDeck>[2]): Promise<DeckBuild> {
  const file = join(root, 'data/levoecmo.yaml');
  const { trial, warnings } = parseTrialText(readFileSync(file, 'utf8'), file, 'data');
  return makeDeck(trial, warnings, { cacheDir: false, ...options });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'td-dept-render-'));
  deck = await levoecmo({ department: fixture, date: '2026-03-12' });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a deck with a department', () => {
  it('has the logo (as a CSS data URI), footer, presenter and hospital in its HTML', () => {
    const html = deck.rendered.html;
    expect(html).toContain(`url("data:image/png;base64,${logoBase64}")`);
    expect(deck.markdown).toContain('theme: "dept-ward-7"');
    expect(deck.markdown).toContain('footer: "LEVOECMO · Ward 7 journal club · 2026-03-12"');
    const footers = html.match(/<footer>LEVOECMO · Ward 7 journal club · 2026-03-12<\/footer>/g) ?? [];
    expect(footers.length).toBe(deck.rendered.slides.length);
    expect(deck.rendered.slides[0]).toContain('<h3 id="dr-ada-lovelace">Dr Ada Lovelace</h3>');
    expect(deck.rendered.slides[0]).toContain('Ward 7 Critical Care, St Elsewhere General Hospital · 2026-03-12');
  });

  it('prints the footer text and the logo image into the PDF (real Chromium)', async () => {
    const pdf = join(work, 'deck.pdf');
    await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.setContent(deck.rendered.html, { waitUntil: 'load' });
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.close();
    });
    const text = tool('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('LEVOECMO · Ward 7 journal club · 2026-03-12');
    expect(text).toContain('Dr Ada Lovelace');
    // The charts are vector SVG: the only raster images are the logo, once per slide.
    const images = tool('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((l) => l.trim());
    expect(images.length).toBeGreaterThan(0);
    expect(images.some((l) => /\s160\s+64\s/.test(l))).toBe(true);
  }, 90_000);

  it('shows an SVG logo as an image, and its script never runs', async () => {
    const dir = join(work, 'svg-dept');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" onload="document.title=\'pwned\'"><script>document.title="pwned"</script><rect width="120" height="40" fill="#5b2a86"/></svg>',
    );
    writeFileSync(join(dir, 'svg-dept.yaml'), 'name: SVG test\nlogo: logo.svg\n');
    const svgDeck = await levoecmo({ department: join(dir, 'svg-dept.yaml') });
    // Never inlined into the page: only as a base64 data URI in the CSS.
    expect(svgDeck.rendered.html).not.toContain('<script>document.title');
    expect(svgDeck.rendered.html).toMatch(/url\("data:image\/svg\+xml;base64,/);
    const title = await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.setContent(svgDeck.rendered.html, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 300));
      const t = await page.title();
      await page.close();
      return t;
    });
    expect(title).not.toBe('pwned');
  }, 90_000);
});
