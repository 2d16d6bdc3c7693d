// The problems list and the checks panel. Text goes in through textContent,
// never innerHTML: everything comes from the user's own (untrusted) input.
import type { BuildReply, Checks, Note } from '../protocol.js';
import { byId } from './net.js';

export type { BuildReply, Checks, Note };

function el(tag: string, text = '', cls = ''): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Moves to a problem: its field in the Form tab when shown, else its line in the YAML. */
export type GoTo = (line: number | undefined, path?: string) => void;

/** A line or field reference as a button: clicking it (or Enter) moves there. */
function jump(line: number | undefined, label: string, goTo: GoTo, path?: string): HTMLElement {
  if (line === undefined && path === undefined) return el('span', label);
  const b = el('button', label, 'jump') as HTMLButtonElement;
  b.type = 'button';
  b.addEventListener('click', () => goTo(line, path));
  return b;
}

export function showNotes(notes: Note[], goTo: GoTo): void {
  const list = byId('problems');
  list.textContent = '';
  if (notes.length === 0) list.appendChild(el('li', 'No errors or warnings.'));
  for (const n of notes) {
    const li = el('li', '', n.level);
    const where = [n.line !== undefined ? `line ${n.line}` : '', n.path ?? ''].filter(Boolean).join(', ');
    li.appendChild(el('strong', n.level === 'error' ? 'Error' : 'Warning'));
    li.appendChild(document.createTextNode(' '));
    if (where) li.appendChild(jump(n.line, where, goTo, n.path));
    li.appendChild(el('span', `${where ? ':' : ''} ${n.text}`));
    list.appendChild(li);
  }
}

export function showChecks(checks: Checks, goTo: GoTo): void {
  const box = byId('checks');
  box.textContent = '';
  box.appendChild(el('h3', `Number audit: ${checks.audit.length} reported number(s) differ from the recomputed ones`));
  const audit = el('ul');
  for (const f of checks.audit) audit.appendChild(el('li', `[${f.severity}] ${f.outcome}: ${f.compared}; reported ${f.reported}, recomputed ${f.recomputed}. ${f.message}`));
  box.appendChild(audit);
  box.appendChild(el('h3', `Words vs numbers: ${checks.claims.length} claim(s) the numbers do not carry`));
  const claims = el('ul');
  for (const c of checks.claims) {
    const li = el('li');
    li.appendChild(jump(c.line, c.line !== undefined ? `line ${c.line}` : c.path, goTo, c.path));
    li.appendChild(el('span', ` [${c.category}] “${c.sentence}” ${c.message}`));
    claims.appendChild(li);
  }
  box.appendChild(claims);
}
