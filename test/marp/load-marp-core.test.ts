import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TrialdeckError } from '../../src/errors.js';
import { createMarp } from '../../src/marp/engine.js';
import { marpCore, standIn, STUBBED } from '../../src/marp/load-marp-core.js';

describe('marp-core without MathJax and KaTeX', () => {
  it('replaces both math engines while marp-core loads, and loads neither', () => {
    expect(typeof marpCore().Marp).toBe('function');
    expect(STUBBED).toEqual(expect.arrayContaining(['katex', 'mathjax-full/js/mathjax']));
    const cache = Object.keys(createRequire(import.meta.url).cache);
    expect(cache.filter((f) => /node_modules\/(katex|mathjax-full)\//.test(f))).toEqual([]);
  });

  it('renders a deck with TeX in it as text, never touching the stand-ins', () => {
    const marp = createMarp({ themes: [] });
    const { html } = marp.render('# Risk $x^2$ and $$\\int_0^1 f$$\n\n---\n\n- $\\frac{a}{b}$ \\(y\\)\n');
    expect(html).toContain('$x^2$');
    expect(html).toContain('$\\frac{a}{b}$');
    expect(html).not.toMatch(/katex|mjx-container|MathJax/i);
  });

  it('fails loudly, naming the module, if anything ever uses a stand-in', () => {
    const fake = standIn('katex') as { renderToString: () => string } & (() => void);
    expect(() => fake.renderToString()).toThrow(TrialdeckError);
    expect(() => fake()).toThrow(/marp-core used katex/);
  });
});
