// What the preview adds to a built deck before serving it: a CSP that also
// allows `connect-src 'self'` (for the event stream, nothing else), an error
// overlay and a small inline script that listens to /__events. Built deck.html
// files never pass through here, so they stay offline-only.
import { formatProblem, isTrialdeckError } from '../errors.js';
import { escapeHtml } from '../marp/html-shell.js';

export const EVENTS_PATH = '/__events';
export const OVERLAY_ID = 'td-preview-error';

/** A build error as the page shows it: already formatted like the CLI prints it. */
export interface ErrorReport {
  message: string;
  problems: string[];
}

export function describeError(err: unknown): ErrorReport {
  if (isTrialdeckError(err)) return { message: err.message, problems: err.problems.map(formatProblem) };
  // Not the user's input but our bug: the message only, never a stack trace.
  return { message: `internal error: ${err instanceof Error ? err.message : String(err)}`, problems: [] };
}

export interface PageState {
  /** Identifies the build the page shows; the event stream compares it on (re)connect. */
  version: string;
  error?: ErrorReport;
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/** The deck's own policy plus `connect-src 'self'`: still no images, fonts or scripts from anywhere. */
export function previewCsp(html: string): string {
  const match = CSP_META.exec(html);
  // Without the shell's policy we would serve a page with none at all: refuse instead.
  if (!match?.[1]) throw new Error('the deck HTML has no Content-Security-Policy meta tag');
  return `${match[1].replace(/;\s*$/, '')}; connect-src 'self'`;
}

/** The served page: the deck, its CSP widened for the event stream, the overlay and the client. */
export function injectLiveReload(html: string, state: PageState): string {
  const csp = previewCsp(html);
  const end = html.lastIndexOf('</body>');
  if (end < 0) throw new Error('the deck HTML has no </body>');
  const withCsp = html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`);
  const at = withCsp.lastIndexOf('</body>');
  const addition = `<style>${OVERLAY_CSS}</style>\n${overlayHtml(state.error)}\n<script>${clientScript(state.version)}</script>\n`;
  return `${withCsp.slice(0, at)}${addition}${withCsp.slice(at)}`;
}

/** Shown until the first build succeeds (e.g. the file was broken when the preview started). */
export function placeholderPage(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>html,body{margin:0;height:100%;background:#111;color:#bbb;font:16px 'Liberation Sans',Arial,sans-serif}p{padding:24px}</style>
</head>
<body>
<p>No deck yet: waiting for the first successful build.</p>
</body>
</html>
`;
}

const OVERLAY_HEADING = 'trialdeck preview: build failed (showing the last good deck)';

// Same markup as the client script builds, so a reload in the error state looks identical.
export function overlayHtml(error: ErrorReport | undefined): string {
  if (!error) return `<div id="${OVERLAY_ID}" role="alert" hidden></div>`;
  const items = error.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<div id="${OVERLAY_ID}" role="alert"><strong>${escapeHtml(OVERLAY_HEADING)}</strong><p>${escapeHtml(error.message)}</p>${items ? `<ul>${items}</ul>` : ''}</div>`;
}

const OVERLAY_CSS = `#${OVERLAY_ID}{position:fixed;left:16px;right:16px;top:16px;z-index:100;max-height:70vh;overflow:auto;box-sizing:border-box;padding:14px 18px;background:#2b0b0b;color:#ffecec;border:2px solid #ff5c5c;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.6);font:14px/1.5 'Liberation Mono','DejaVu Sans Mono',monospace}
#${OVERLAY_ID}[hidden]{display:none}
#${OVERLAY_ID} p,#${OVERLAY_ID} li{white-space:pre-wrap;overflow-wrap:anywhere}
#${OVERLAY_ID} p{margin:8px 0}#${OVERLAY_ID} ul{margin:0;padding-left:20px}`;

// ES5, inline (the CSP allows inline scripts only). Text goes in through
// textContent, never innerHTML, so a message cannot become markup. reload()
// keeps the URL, hash included, and the shell shows the slide `#N` names.
function clientScript(version: string): string {
  return `(function(){
var box=document.getElementById(${JSON.stringify(OVERLAY_ID)});
function el(tag,text){var e=document.createElement(tag);e.textContent=text;return e;}
function showError(r){
  box.textContent='';
  box.appendChild(el('strong',${JSON.stringify(OVERLAY_HEADING)}));
  box.appendChild(el('p',r.message));
  if(r.problems.length){var ul=document.createElement('ul');r.problems.forEach(function(p){ul.appendChild(el('li',p));});box.appendChild(ul);}
  box.hidden=false;
}
if(!window.EventSource)return;
var es=new EventSource(${JSON.stringify(EVENTS_PATH)}+'?v='+encodeURIComponent(${JSON.stringify(version)}));
es.addEventListener('reload',function(){es.close();location.reload();});
es.addEventListener('build-error',function(e){showError(JSON.parse(e.data));});
window.addEventListener('pagehide',function(){es.close();});
})();`;
}
