// The studio's one page. No inline script (the CSP allows scripts from this
// server's files only): the token and settings travel in <meta> and a JSON
// data block, which the browser never executes. CodeMirror's styles carry the
// per-page nonce.
import { escapeHtml } from '../marp/html-shell.js';

export interface PageConfig {
  token: string;
  nonce: string;
  themes: string[];
  departments: string[];
  theme: string;
  /** Shown as "Save to <name>"; the base name only, never the path. */
  fileName?: string;
  canSave: boolean;
}

export function studioCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const options = (names: string[], selected: string): string => names.map((n) => `<option value="${escapeHtml(n)}"${n === selected ? ' selected' : ''}>${escapeHtml(n)}</option>`).join('');

export function studioPage(config: PageConfig): string {
  const data = JSON.stringify({ fileName: config.fileName ?? null, canSave: config.canSave }).replace(/</g, '\\u003c');
  const save = config.canSave && config.fileName ? `<button type="button" id="save">Save to ${escapeHtml(config.fileName)}</button>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="td-token" content="${escapeHtml(config.token)}">
<meta name="td-nonce" content="${escapeHtml(config.nonce)}">
<title>trialdeck studio</title>
<link rel="stylesheet" href="/assets/studio.css">
<script type="application/json" id="td-config">${data}</script>
<script type="module" src="/assets/studio.js"></script>
</head>
<body>
<header class="bar">
  <h1>trialdeck studio</h1>
  <label for="theme">Theme</label>
  <select id="theme">${options(config.themes, config.theme)}</select>
  <label for="department">Department</label>
  <select id="department"><option value="">(none)</option>${options(config.departments, '')}</select>
  ${save}
  <p id="status" role="status" aria-live="polite">Paste a summary or open a file to start.</p>
</header>
<main class="panes">
  <section class="left" aria-label="Trial">
    <details id="start" open>
      <summary>Start: paste or open a trial</summary>
      <label for="paste">Paste a trial summary (or trial YAML)</label>
      <textarea id="paste" rows="6" spellcheck="false"></textarea>
      <div class="row">
        <button type="button" id="use-paste">Make the deck</button>
        <button type="button" id="outline">Start from a blank outline</button>
        <button type="button" id="new-trial">Start a new trial in the form</button>
        <label for="file" class="file">Open a file (.txt, .yaml, .json, ClinicalTrials.gov .json, PubMed .xml)</label>
        <input type="file" id="file" accept=".txt,.md,.yaml,.yml,.json,.xml">
      </div>
      <p class="hint">Or drop a file anywhere on this page. Nothing leaves this computer.</p>
    </details>
    <h2 id="editor-label">Trial data</h2>
    <div role="tablist" aria-labelledby="editor-label" class="tabs">
      <button type="button" role="tab" id="tab-form" aria-controls="panel-form" aria-selected="false" tabindex="-1">Form</button>
      <button type="button" role="tab" id="tab-yaml" aria-controls="panel-yaml" aria-selected="true" tabindex="0">YAML</button>
    </div>
    <div role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden><p id="form-status" class="hint" role="status"></p><div id="form" class="trial-form"></div></div>
    <div role="tabpanel" id="panel-yaml" aria-labelledby="tab-yaml"><div id="editor" class="editor"></div></div>
    <h2>Problems</h2>
    <ul id="problems" aria-label="Errors and warnings"></ul>
    <h2>Checks</h2>
    <div id="checks" aria-label="Number audit and words vs numbers"><p>No deck yet.</p></div>
  </section>
  <section class="right" aria-label="Slides">
    <iframe id="deck" title="Slides" src="about:blank"></iframe>
    <div class="row downloads" role="group" aria-label="Downloads">
      <button type="button" data-download="html">Download HTML</button>
      <button type="button" data-download="pdf">Download PDF</button>
      <button type="button" data-download="handout">Download handout</button>
      <button type="button" data-download="pptx">Download PPTX</button>
      <button type="button" data-download="yaml">Download YAML</button>
      <button type="button" data-download="zip">Download all (zip)</button>
    </div>
    <p id="progress" role="status" aria-live="polite"></p>
  </section>
</main>
</body>
</html>
`;
}
