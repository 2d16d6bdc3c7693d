// Trial → readable YAML for `trialdeck import`: a schema comment for editor
// completion, one blank line between top-level sections, long prose as folded
// block scalars, short lists of numbers inline. yaml.parse gives back exactly
// the same data (tests round-trip every example trial).
import { Document, Scalar, isCollection, isMap, isPair, isScalar, visit } from 'yaml';
import type { TrialInput } from '../trial/schema.js';

export const YAML_SCHEMA_COMMENT = ' yaml-language-server: $schema=../schema/trial.schema.json';

const LINE_WIDTH = 88;

export function trialToYaml(trial: TrialInput): string {
  const doc = new Document(trial, { keepUndefined: false });
  visit(doc, {
    Seq(_, seq) {
      // refs [4, 5] and iqr [4, 7] read better inline than one number per line.
      if (seq.items.length > 0 && seq.items.every((it) => isScalar(it) && typeof it.value === 'number')) seq.flow = true;
    },
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      // Edge spaces would be lost in a block scalar; the library quotes those instead.
      if (node.value !== node.value.trim()) return;
      if (node.value.includes('\n')) {
        node.type = Scalar.BLOCK_LITERAL;
        return;
      }
      // A string that would not fit on its line becomes a folded block rather than
      // a plain scalar wrapped mid-line. Width estimate: indentation + key + value.
      const parent = path[path.length - 1];
      const keyWidth = isPair(parent) && isScalar(parent.key) ? String(parent.key.value).length + 2 : 2;
      const depth = path.filter((n) => isCollection(n)).length;
      if (depth * 2 + keyWidth + node.value.length > LINE_WIDTH) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, i) => {
      if (i > 0 && isPair(pair) && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  doc.commentBefore = YAML_SCHEMA_COMMENT;
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: false });
}
