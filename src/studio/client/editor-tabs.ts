// The editor's two tabs, Form and YAML, over the same trial. The YAML text
// is the one source of truth: the form reads it (parsed) and writes into it
// (yaml-sync.ts), and the build runs on the text as before. form.js (React
// and the form) is fetched the first time the Form tab is shown.

// Type imports only: the YAML library and the form stay out of studio.js.
import type { Note } from '../protocol.js';
import type { FormHandle } from './form.js';
import { byId } from './net.js';
import type { Change } from './yaml-sync.js';

type FormModule = typeof import('./form.js');

export interface EditorText {
  text(): string;
  /** Replaces `from`–`to` of the editor's text; the normal rebuild follows. */
  replace(from: number, to: number, insert: string): void;
}

const tabs = [byId('tab-form'), byId('tab-yaml')] as HTMLButtonElement[];
const formStatus = (): HTMLElement => byId('form-status');
let form: FormHandle | undefined;
let mod: FormModule | undefined;
let loading: Promise<FormHandle> | undefined;
let editor: EditorText;
let notes: readonly Note[] = [];
/** The YAML changed since the form last read it (edits in the YAML tab while the form was hidden). */
let stale = true;
/** Set while the form writes the text, so the editor's change event does not read it back. */
let writing = false;

export const formActive = (): boolean => byId('tab-form').getAttribute('aria-selected') === 'true';

export function setupEditorTabs(e: EditorText): void {
  editor = e;
  for (const tab of tabs) {
    tab.addEventListener('click', () => void select(tab));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length] as HTMLButtonElement;
      next.focus();
      void select(next);
    });
  }
}

async function select(tab: HTMLButtonElement): Promise<void> {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    byId(t.getAttribute('aria-controls') ?? '').hidden = !on;
  }
  if (tab.id === 'tab-form') await showForm();
}

async function loadForm(): Promise<FormHandle> {
  formStatus().textContent = 'Loading the form…';
  const started = performance.now();
  // A URL, not a module path: esbuild leaves it alone and the server sends dist/studio-assets/form.js.
  const url = '/assets/form.js';
  mod = (await import(url)) as FormModule;
  const loaded = performance.now();
  const handle = mod.mountForm(byId('form'), onFormEdit);
  // For the bench and the report: fetching form.js vs the form's first render (an empty one: the data comes next).
  (window as unknown as { formTimings?: object }).formTimings = { fetchMs: loaded - started, mountMs: performance.now() - loaded };
  return handle;
}

async function showForm(): Promise<void> {
  try {
    form ??= await (loading ??= loadForm());
  } catch (err) {
    // Tried again the next time the tab is shown; the YAML tab still works meanwhile.
    loading = undefined;
    formStatus().textContent = `The form could not be loaded (${String(err)}). The YAML tab still edits the trial.`;
    return;
  }
  const started = performance.now();
  if (stale) readYaml();
  form.setNotes(notes);
  (window as unknown as { formDataMs?: number }).formDataMs = performance.now() - started;
}

/** The form's changes go into the text, then the usual rebuild runs on it. */
function onFormEdit(changes: Change[]): void {
  if (!mod) return;
  let t = editor.text();
  try {
    for (const c of changes) t = mod.applyChange(t, c);
  } catch (err) {
    formStatus().textContent = `The form could not write this change into the YAML: ${String(err)}`;
    return;
  }
  // Only the changed span goes to the editor, so its undo history and scroll position stay meaningful.
  const old = editor.text();
  let start = 0;
  while (start < old.length && start < t.length && old[start] === t[start]) start++;
  let end = 0;
  while (end < old.length - start && end < t.length - start && old[old.length - 1 - end] === t[t.length - 1 - end]) end++;
  writing = true;
  try {
    editor.replace(start, old.length - end, t.slice(start, t.length - end));
  } finally {
    writing = false;
  }
}

/** The editor's text changed: the form shows it now if visible, else when next shown. */
export function yamlChanged(): void {
  if (writing) return;
  stale = true;
  if (form && formActive()) readYaml();
}

function readYaml(): void {
  if (!form || !mod) return;
  try {
    const data = mod.parseYaml(editor.text());
    stale = false;
    formStatus().textContent = '';
    form.setData(data ?? {});
  } catch (err) {
    // The form keeps the last data that parsed; the build lists the YAML error with its line.
    formStatus().textContent = `The YAML does not parse, so the form shows the last version that did (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).`;
  }
}

/** The build's notes, shown at their fields. */
export function formNotes(next: readonly Note[]): void {
  notes = next;
  form?.setNotes(next);
}

export function showFormTab(): void {
  void select(byId('tab-form') as HTMLButtonElement);
}

export function showYamlTab(): void {
  void select(byId('tab-yaml') as HTMLButtonElement);
}

/** A problem's path, in the form if it is shown and has that field. */
export function focusInForm(path: string | undefined): boolean {
  return !!path && !!form && formActive() && form.focus(path);
}
