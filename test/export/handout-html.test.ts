// The handout's HTML and the PDF bookmarks, without a browser: data is
// escaped everywhere, slides keep Marp's markup, sections merge "(cont.)".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildHandoutModel, handoutPageCount } from '../../src/export/handout-model.js';
import { footerTemplate, loadHandoutTemplate } from '../../src/export/handout.js';
import { decodeEntities, sectionBookmarks, slideTitle } from '../../src/export/pdf-document.js';
import { renderDeck } from '../../src/marp/render.js';
import { listThemes } from '../../src/themes/registry.js';
import { parseTrialText } from '../../src/trial/load.js';
import { buildViewModel } from '../../src/deck/view-model.js';

const HOSTILE = `<img src=x onerror="alert(1)"> & <script>alert('x')</script>`;

async function hostileHandout(layout: '3-up' | '2-up'): Promise<{ html: string; slides: number }> {
  const data = parse(readFileSync('test/export/fixtures/levoecmo-mini.yaml', 'utf8')) as { publication: { acronym: string }; takeaway: string };
  data.publication.acronym = `LEVO${HOSTILE}`;
  data.takeaway = `${HOSTILE} ${data.takeaway}`;
  const { trial } = parseTrialText(JSON.stringify(data), 'hostile.json', 'data');
  const markdown = '---\nmarp: true\ntheme: clinical\n---\n\n# One\n\n<!-- first note <b>&amp; -->\n\n---\n\n## Two\n\n---\n\n## Three\n\n---\n\n## Four';
  const rendered = renderDeck(markdown, { themes: await listThemes(), title: 't', author: 'a', description: 'd' });
  const model = buildHandoutModel(buildViewModel(trial, []), rendered, layout);
  return { html: (await loadHandoutTemplate()).render(model, rendered), slides: rendered.slides.length };
}

describe('handout HTML', () => {
  it('escapes every data string and never lets data become markup', async () => {
    const { html } = await hostileHandout('3-up');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;');
    // Speaker notes are data too.
    expect(html).toContain('first note &lt;b&gt;&amp;amp;');
    // A Content-Security-Policy as a second line of defence.
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; img-src data:/);
  });

  it('embeds the slides as Marp rendered them, grouped 3 or 2 to a page', async () => {
    const three = await hostileHandout('3-up');
    expect(three.slides).toBe(4);
    expect(three.html.match(/<section class="sheet slides">/g)).toHaveLength(2);
    expect(three.html.match(/<svg data-marpit-svg="" viewBox="0 0 1280 720">/g)).toHaveLength(4);
    expect(three.html).toContain('class="layout-3-up"');
    const two = await hostileHandout('2-up');
    expect(two.html.match(/<section class="sheet slides">/g)).toHaveLength(2);
    expect(handoutPageCount(4, '3-up')).toBe(3);
    expect(handoutPageCount(4, '2-up')).toBe(3);
    expect(handoutPageCount(31, '3-up')).toBe(12);
  });

  it('escapes the footer citation', () => {
    const footer = footerTemplate(`A & B <i>et al</i>. "Trial"`);
    expect(footer).toContain('A &#38; B &#60;i&#62;et al&#60;/i&#62;. &#34;Trial&#34;');
    expect(footer).toContain('<span class="pageNumber"></span>');
    expect(footer).toContain('<span class="totalPages"></span>');
  });
});

describe('PDF bookmarks', () => {
  it('take each slide’s first heading, decoded, one per section', () => {
    const slides = [
      '<svg><foreignObject><section><h1 id="a">LEVO&amp;ECMO</h1><h2>Sub</h2></section></foreignObject></svg>',
      '<svg><foreignObject><section><h2>Results</h2></section></foreignObject></svg>',
      '<svg><foreignObject><section><h2>Results (cont.)</h2></section></foreignObject></svg>',
      '<svg><foreignObject><section><h2>Results (cont. 2)</h2></section></foreignObject></svg>',
      '<svg><foreignObject><section><p>no heading</p></section></foreignObject></svg>',
      '<svg><foreignObject><section><h2>Why it <em>matters</em> &#8212; &#x2192;</h2></section></foreignObject></svg>',
      '<svg><foreignObject><section><h2>Results (cont. 3)</h2></section></foreignObject></svg>',
    ];
    expect(sectionBookmarks(slides)).toEqual([
      { title: 'LEVO&ECMO', page: 0 },
      { title: 'Results', page: 1 },
      { title: 'Why it matters — →', page: 5 },
    ]);
    expect(slideTitle(slides[4] ?? '')).toBeUndefined();
    expect(decodeEntities('&lt;&gt;&quot;&#39;&unknown;')).toBe(`<>"'&unknown;`);
  });
});
