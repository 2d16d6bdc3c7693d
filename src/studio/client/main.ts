// The studio page's script (bundled by esbuild into dist/studio-assets/studio.js).
// It only talks to its own server: text in, YAML/deck/problems/files out.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { downloadAll, downloadOne } from './downloads.js';
import { focusInForm, formNotes, setupEditorTabs, showFormTab, showYamlTab, yamlChanged } from './editor-tabs.js';
import { SUMMARY_OUTLINE } from '../outline.js';
import { BLANK_TRIAL } from '../blank-trial.js';
import { byId, post } from './net.js';
import { showChecks, showNotes, type BuildReply, type Note } from './panels.js';

const config = JSON.parse(byId('td-config').textContent ?? '{}') as { fileName: string | null; canSave: boolean };
const nonce = document.querySelector<HTMLMetaElement>('meta[name="td-nonce"]')?.content ?? '';
const status = byId('status');
const frame = byId('deck') as HTMLIFrameElement;
const theme = byId('theme') as HTMLSelectElement;
const department = byId('department') as HTMLSelectElement;

let shownVersion = 0;
/** What the importer had to guess when the trial was opened: shown until another trial is opened. */
let importNotes: Note[] = [];
let inFlight = false;
let dirty = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const view = new EditorView({
  parent: byId('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      lineNumbers(),
      history(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      lintGutter(),
      // No Tab binding: Tab must move focus on, so keyboard users are never trapped in the editor.
      keymap.of([...defaultKeymap, ...historyKeymap]),
      syntaxHighlighting(defaultHighlightStyle),
      yaml(),
      EditorView.cspNonce.of(nonce),
      EditorView.contentAttributes.of({ 'aria-labelledby': 'editor-label', 'aria-multiline': 'true', tabindex: '0' }),
      EditorView.updateListener.of((u) => {
        // A short pause only gathers the changes of one gesture (a paste, an undo): typing during a
        // build never queues more than one follow-up build (inFlight/dirty below, and the server's
        // Rebuilder), so a longer pause would only add to every edit's wait.
        if (u.docChanged) {
          schedule(15);
          yamlChanged();
        }
      }),
    ],
  }),
});

function text(): string {
  return view.state.doc.toString();
}

function setText(t: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
}

/** Each problem with a line is also marked at that line in the editor (gutter and underline). */
function markLines(notes: Note[]): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = notes
    .filter((n) => n.line !== undefined && n.line >= 1 && n.line <= doc.lines)
    .map((n) => {
      const line = doc.line(n.line as number);
      return { from: line.from, to: line.to, severity: n.level, message: n.path ? `${n.path}: ${n.text}` : n.text };
    });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** A new trial in the editor: built at once, not after the typing pause. */
function load(t: string): void {
  setText(t);
  clearTimeout(timer);
  (byId('start') as HTMLDetailsElement).open = false;
  void build();
}

function goToLine(line: number): void {
  const n = Math.min(Math.max(line, 1), view.state.doc.lines);
  view.dispatch({ selection: { anchor: view.state.doc.line(n).from }, scrollIntoView: true });
  view.focus();
}

/** A problem clicked in the list: its field when the Form tab is shown, else its YAML line. */
function goToNote(line: number | undefined, path?: string): void {
  if (focusInForm(path) || line === undefined) return;
  showYamlTab();
  goToLine(line);
}

function schedule(ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void build(), ms);
}

async function build(): Promise<void> {
  if (!text().trim()) return;
  if (inFlight) {
    dirty = true;
    return;
  }
  inFlight = true;
  dirty = false;
  status.textContent = 'Building the slides…';
  try {
    const q = new URLSearchParams({ theme: theme.value, ...(department.value ? { department: department.value } : {}) });
    const reply = (await (await post(`/api/build?${q}`, text())).json()) as BuildReply;
    showNotes([...reply.notes, ...importNotes], goToNote);
    markLines(reply.notes);
    formNotes(reply.notes);
    if (reply.checks) showChecks(reply.checks, goToNote);
    if (reply.ok) status.textContent = `Slides updated: ${reply.slides} slides (${reply.ms} ms).`;
    else status.textContent = `Not updated: ${reply.notes.filter((n) => n.level === 'error').length} error(s) below. ${reply.version ? 'Showing the last good deck.' : ''}`;
    if (reply.version && reply.version !== shownVersion) showDeck(reply.version);
  } catch (err) {
    status.textContent = `The studio server did not answer (${String(err)}).`;
  } finally {
    inFlight = false;
    if (dirty) void build();
  }
}

/** What /deck/<v>.json holds and the deck's `trialdeck.update()` takes. */
interface DeckSlides {
  css: string;
  slides: string[];
  notes: string[];
}

interface DeckNav {
  current(): number;
  update?(next: DeckSlides): void;
}

function deckNav(): DeckNav | undefined {
  try {
    return (frame.contentWindow as (Window & { trialdeck?: DeckNav }) | null)?.trialdeck;
  } catch {
    return undefined;
  }
}

/**
 * Shows a newer deck on the slide the old one showed. A deck already on show
 * gets only its changed slides swapped in (no page load: ~100 ms less per
 * edit for LEVOECMO); the first deck, or one the frame cannot update, loads.
 */
function showDeck(version: number): void {
  const nav = deckNav();
  shownVersion = version;
  if (nav?.update && frame.getAttribute('data-version')) {
    void fetch(`/deck/${version}.json`)
      .then(async (r) => (r.ok ? ((await r.json()) as DeckSlides & { version: number }) : undefined))
      .then((next) => {
        // A newer build answered meanwhile: it shows itself.
        if (!next || shownVersion !== version) return;
        nav.update?.(next);
        frame.setAttribute('data-version', String(next.version));
      })
      .catch(() => loadDeck(version, nav.current()));
    return;
  }
  loadDeck(version, nav?.current() ?? 0);
}

function loadDeck(version: number, slide: number): void {
  frame.addEventListener('load', () => frame.setAttribute('data-version', String(version)), { once: true });
  frame.src = `/deck/${version}#${slide + 1}`;
}

async function open(name: string, body: string): Promise<void> {
  status.textContent = `Reading ${name || 'the pasted text'}…`;
  const reply = (await (await post(`/api/open?${new URLSearchParams({ name })}`, body)).json()) as { ok: boolean; yaml?: string; kind?: string; notes?: Note[]; warnings?: Note[] };
  if (!reply.ok || reply.yaml === undefined) {
    showNotes(reply.notes ?? [], goToNote);
    status.textContent = `Could not read ${name || 'the pasted text'}: see the problems list.`;
    return;
  }
  // Their lines are the original file's, not the YAML's: listed without a jump.
  importNotes = (reply.warnings ?? []).map((w) => ({ level: 'warning', text: `${name || 'pasted text'}${w.line !== undefined ? ` line ${w.line}` : ''}: ${w.text}` }));
  load(reply.yaml);
}

async function openFile(file: File): Promise<void> {
  await open(file.name, await file.text());
}

byId('outline').addEventListener('click', () => {
  const paste = byId('paste') as HTMLTextAreaElement;
  if (paste.value.trim() && !confirm('Replace the pasted text with a blank outline?')) return;
  paste.value = SUMMARY_OUTLINE;
  paste.focus();
  paste.setSelectionRange(0, 0);
  status.textContent = 'Fill in each <…> line of the outline, then press Make the deck.';
});
byId('new-trial').addEventListener('click', () => {
  if (text().trim() && !confirm('Replace the trial in the editor with a blank one?')) return;
  importNotes = [];
  load(BLANK_TRIAL);
  // The build's reply lists what is missing, in the Problems list and at each field.
  showFormTab();
});
byId('use-paste').addEventListener('click', () => void open('', (byId('paste') as HTMLTextAreaElement).value));
byId('file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) void openFile(f);
});
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void openFile(f);
});
theme.addEventListener('change', () => void build());
department.addEventListener('change', () => void build());
byId('save', true)?.addEventListener('click', async () => {
  const reply = (await (await post('/api/save', text())).json()) as { ok: boolean; notes?: Note[] };
  // In the take-away line, not the build status, which the next rebuild overwrites.
  byId('progress').textContent = reply.ok ? `Saved to ${config.fileName ?? 'the file'} (the old version is kept as ${config.fileName ?? 'the file'}.bak).` : `Not saved: ${reply.notes?.[0]?.text ?? 'unknown error'}`;
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-download]')) {
  button.addEventListener('click', () => {
    const kind = button.dataset.download ?? '';
    void (kind === 'zip' ? downloadAll(text) : downloadOne(kind, text));
  });
}

setupEditorTabs({ text, replace: (from, to, insert) => view.dispatch({ changes: { from, to, insert } }) });

// For tests and the bench: the same edits a user makes, without typing 30 KB.
(window as unknown as { studio: object }).studio = { text, setText, goToLine, version: () => shownVersion };

void (async () => {
  const initial = (await (await fetch('/api/initial')).json()) as { yaml: string };
  if (initial.yaml) {
    load(initial.yaml);
  }
})();
