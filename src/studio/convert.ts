// What the studio's editor holds is always trial YAML: whatever the user opens
// or pastes (a summary, trial YAML/JSON, a ClinicalTrials.gov record, PubMed
// XML) is turned into YAML here, so errors point at lines the user can see.
// The browser sends text and a file *name* for its extension only, never a path.
import { extname } from 'node:path';
import { parse as parseYamlText, stringify } from 'yaml';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { importCtgovStudy, studiesOf } from '../import/ctgov/index.js';
import { importSummary, trialToYaml } from '../import/index.js';
import { importPubmed } from '../import/pubmed/index.js';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../trial/load.js';

export interface Converted {
  yaml: string;
  /** What the text was read as, for the status line. */
  kind: 'yaml' | 'json' | 'summary' | 'ctgov' | 'pubmed';
  warnings: Diagnostic[];
}

/** Pasted text has no name: YAML/JSON that is a mapping with a publication is trial data, anything else a summary. */
function looksLikeTrialData(text: string): boolean {
  try {
    const data: unknown = parseYamlText(text, { maxAliasCount: 100 });
    return typeof data === 'object' && data !== null && !Array.isArray(data) && 'publication' in data;
  } catch {
    return false;
  }
}

function isCtgov(data: unknown): boolean {
  return typeof data === 'object' && data !== null && ('protocolSection' in data || 'studies' in data);
}

export function convertToYaml(text: string, name = ''): Converted {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) throw new TrialdeckError('INPUT_TOO_LARGE', `over the ${MAX_INPUT_TEXT} limit for trial files`);
  const label = name || 'pasted text';
  const ext = extname(name).toLowerCase();
  if (ext === '.xml' || (!ext && /^\s*(<\?xml|<!DOCTYPE PubmedArticleSet|<PubmedArticleSet)/.test(text))) {
    const [first] = importPubmed(text, label);
    if (!first) throw new TrialdeckError('INPUT_UNSUPPORTED', `${label}: no PubMed article in the XML`);
    return { yaml: trialToYaml(first.trial), kind: 'pubmed', warnings: first.warnings };
  }
  if (ext === '.json' || (!ext && /^\s*\{/.test(text))) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch (err) {
      throw new TrialdeckError('INPUT_UNSUPPORTED', `${label}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (isCtgov(data)) {
      const [study] = studiesOf(data, label);
      if (!study) throw new TrialdeckError('INPUT_UNSUPPORTED', `${label}: no study in the registry record`);
      const reg = importCtgovStudy(study, label);
      return { yaml: trialToYaml(reg.trial), kind: 'ctgov', warnings: reg.warnings };
    }
    return { yaml: stringify(data, { lineWidth: 0 }), kind: 'json', warnings: [] };
  }
  if (ext === '.yaml' || ext === '.yml' || (!ext && looksLikeTrialData(text))) return { yaml: text, kind: 'yaml', warnings: [] };
  if (ext && ext !== '.txt' && ext !== '.md') throw new TrialdeckError('INPUT_UNSUPPORTED', `${label}: unsupported file type; open a .txt/.md summary, .yaml/.json trial data, a ClinicalTrials.gov .json record or PubMed .xml`);
  const imported = importSummary(text, label);
  return { yaml: trialToYaml(imported.trial), kind: 'summary', warnings: imported.warnings };
}
