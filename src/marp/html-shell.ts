// The self-contained HTML document around Marp's slides: one slide at a
// time on screen (arrow keys, #N in the URL, presenter notes with "n"), every
// slide on its own page in print. A Content-Security-Policy forbids every
// network load, so the deck opens offline and can never reach a CDN.

export interface ShellInput {
  title: string;
  author: string;
  description: string;
  lang: string;
  css: string;
  slides: readonly string[];
  notes: readonly string[];
  width: number;
  height: number;
}

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside <script>: no `</script>`, no U+2028 surprises. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function htmlShell(input: ShellInput): string {
  const { width, height } = input;
  const shellCss = `
html,body{margin:0;padding:0;background:#111;height:100%;overflow:hidden}
#deck>.marpit>svg{display:none;position:absolute;inset:0;width:100%;height:100%}
#deck>.marpit>svg.active{display:block}
#notes{position:fixed;left:0;right:0;bottom:0;max-height:38vh;overflow:auto;background:#fffbe6;color:#222;font:16px/1.45 'Liberation Sans',Arial,sans-serif;padding:12px 20px;white-space:pre-wrap;box-shadow:0 -2px 8px rgba(0,0,0,.4);z-index:2}
#notes[hidden]{display:none}
#counter{position:fixed;right:12px;top:8px;color:#bbb;font:13px 'Liberation Sans',Arial,sans-serif;z-index:2;opacity:.7}
@media print{
  @page{size:${width}px ${height}px;margin:0}
  html,body{background:#fff;height:auto;overflow:visible}
  #notes,#counter{display:none!important}
  #deck>.marpit>svg{display:block!important;position:static;width:${width}px;height:${height}px;break-after:page;page-break-after:always}
  #deck>.marpit>svg:last-child{break-after:auto;page-break-after:auto}
}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<meta name="author" content="${escapeHtml(input.author)}">
<meta name="description" content="${escapeHtml(input.description)}">
<meta name="generator" content="trialdeck">
<style>${input.css}</style>
<style>${shellCss}</style>
</head>
<body>
<div id="deck"><div class="marpit">${input.slides.join('')}</div></div>
<div id="counter" aria-live="polite"></div>
<aside id="notes" hidden aria-label="Presenter notes"></aside>
<script type="application/json" id="td-notes">${scriptJson(input.notes)}</script>
<script>${NAV_SCRIPT}</script>
</body>
</html>
`;
}

// Plain ES5-style script: no modules, no network, no storage.
const NAV_SCRIPT = `(function(){
var slides=[].slice.call(document.querySelectorAll('#deck>.marpit>svg'));
var notes=JSON.parse(document.getElementById('td-notes').textContent||'[]');
var panel=document.getElementById('notes');var counter=document.getElementById('counter');
var current=0;
function fromHash(){var m=/^#(\\d+)$/.exec(location.hash);return m?Math.min(Math.max(parseInt(m[1],10)-1,0),slides.length-1):0;}
function show(i,push){
  current=Math.min(Math.max(i,0),slides.length-1);
  slides.forEach(function(s,k){s.classList.toggle('active',k===current);});
  panel.textContent=notes[current]||'';
  counter.textContent=(current+1)+' / '+slides.length;
  var h='#'+(current+1);
  if(push&&location.hash!==h){history.replaceState(null,'',h);}
  document.title=document.title.replace(/ \\(\\d+\\/\\d+\\)$/,'');
}
document.addEventListener('keydown',function(e){
  if(e.altKey||e.ctrlKey||e.metaKey)return;
  var k=e.key;
  if(k==='ArrowRight'||k==='ArrowDown'||k==='PageDown'||k===' '){show(current+1,true);e.preventDefault();}
  else if(k==='ArrowLeft'||k==='ArrowUp'||k==='PageUp'){show(current-1,true);e.preventDefault();}
  else if(k==='Home'){show(0,true);e.preventDefault();}
  else if(k==='End'){show(slides.length-1,true);e.preventDefault();}
  else if(k==='n'||k==='p'){panel.hidden=!panel.hidden;}
  else if(k==='f'&&document.documentElement.requestFullscreen){document.fullscreenElement?document.exitFullscreen():document.documentElement.requestFullscreen();}
});
window.addEventListener('hashchange',function(){show(fromHash(),false);});
// update(): a newer build of the same deck, swapped in where the slides changed (the studio's live
// view); the slide shown stays, and no image or font is decoded again for unchanged slides.
var sources=null;
function update(next){
  var style=document.querySelector('style');
  if(style&&style.textContent!==next.css)style.textContent=next.css;
  var box=document.querySelector('#deck>.marpit');
  var tpl=document.createElement('template');
  // The first update cannot tell which slides changed (the browser re-serialises what it parsed).
  if(!sources||next.slides.length!==slides.length){tpl.innerHTML=next.slides.join('');box.replaceChildren(tpl.content);}
  else{next.slides.forEach(function(h,k){if(h===sources[k])return;tpl.innerHTML=h;var el=tpl.content.firstElementChild;if(el)box.replaceChild(el,slides[k]);});}
  sources=next.slides.slice();
  slides=[].slice.call(document.querySelectorAll('#deck>.marpit>svg'));
  notes=next.notes;window.trialdeck.count=slides.length;
  show(current,false);
}
window.trialdeck={show:function(i){show(i,true);},current:function(){return current;},count:slides.length,update:update};
show(fromHash(),false);
})();`;
