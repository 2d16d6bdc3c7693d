// Downloads come from the last good deck on the server (the PDFs are printed
// there by one shared Chromium); the zip is packed here, so the progress line
// can say which file is being made.
import JSZip from 'jszip';
import { byId, post } from './net.js';

const NAMES: Record<string, string> = { html: 'deck.html', pdf: 'deck.pdf', handout: 'handout.pdf', pptx: 'deck.pptx', yaml: 'trial.yaml' };
const LABELS: Record<string, string> = { html: 'HTML', pdf: 'PDF', handout: 'handout PDF', pptx: 'PPTX', yaml: 'YAML' };

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function fetchKind(kind: string, text: () => string): Promise<Blob> {
  if (kind === 'yaml') return new Blob([text()], { type: 'text/yaml' });
  const res = await post(`/api/export?kind=${kind}`, '');
  if (!res.ok) throw new Error((await res.text()).trim());
  return res.blob();
}

export async function downloadOne(kind: string, text: () => string): Promise<void> {
  const progress = byId('progress');
  progress.textContent = `Making the ${LABELS[kind] ?? kind}${kind === 'pdf' || kind === 'handout' ? ' (printing in a browser, a few seconds)' : ''}…`;
  try {
    save(await fetchKind(kind, text), NAMES[kind] ?? kind);
    progress.textContent = `Downloaded ${NAMES[kind] ?? kind}.`;
  } catch (err) {
    progress.textContent = `Could not make the ${LABELS[kind] ?? kind}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function downloadAll(text: () => string): Promise<void> {
  const progress = byId('progress');
  const kinds = ['html', 'pdf', 'handout', 'pptx', 'yaml'];
  const zip = new JSZip();
  try {
    for (const [i, kind] of kinds.entries()) {
      progress.textContent = `Making ${i + 1} of ${kinds.length}: ${LABELS[kind]}…`;
      zip.file(NAMES[kind] ?? kind, await fetchKind(kind, text));
    }
    progress.textContent = 'Packing the zip…';
    save(await zip.generateAsync({ type: 'blob' }), 'trialdeck.zip');
    progress.textContent = 'Downloaded trialdeck.zip.';
  } catch (err) {
    progress.textContent = `Could not make the zip: ${err instanceof Error ? err.message : String(err)}`;
  }
}
