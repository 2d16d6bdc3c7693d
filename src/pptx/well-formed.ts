// Is this XML well-formed? One sticky-regex pass over the tokens with a stack
// of open elements: every tag closed in order, attributes quoted and not
// repeated, `&` only as an entity, nothing after the root. Enough to catch what
// string-built OOXML gets wrong, at a fraction of a full parser's cost (this
// runs on every part of every deck; the tests check the same parts with
// fast-xml-parser as an independent judge).

import { hasNonXmlChars } from './xml-safe.js';

const DECL = /<\?[\s\S]*?\?>/y;
const COMMENT = /<!--[\s\S]*?-->/y;
const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/y;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const TEXT = /[^<]+/y;
const BAD_AMP = /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/;
const ATTR_NAME = /([A-Za-z_][\w.:-]*)\s*=/g;

function repeatsAttribute(attrs: string): boolean {
  const seen = new Set<string>();
  ATTR_NAME.lastIndex = 0;
  for (let m = ATTR_NAME.exec(attrs); m; m = ATTR_NAME.exec(attrs)) {
    const n = m[1] ?? '';
    if (seen.has(n)) return true;
    seen.add(n);
  }
  return false;
}

/** `undefined` when well-formed, else what is wrong and where. */
export function xmlProblem(xml: string): string | undefined {
  if (hasNonXmlChars(xml)) return 'a character XML 1.0 does not allow (control character, U+FFFE/U+FFFF or an unpaired surrogate)';
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(xml);
  };
  while (i < xml.length) {
    let m: RegExpExecArray | null;
    if ((m = at(TAG))) {
      const [whole, close, name = '', attrs = '', selfClose] = m;
      if (close) {
        if (attrs || selfClose) return `bad end tag ${name} at ${i}`;
        if (stack.pop() !== name) return `</${name}> does not close the open element at ${i}`;
      } else {
        if (stack.length === 0 && ++roots > 1) return `second root element <${name}> at ${i}`;
        if (BAD_AMP.test(attrs)) return `bare & in an attribute of <${name}> at ${i}`;
        if (attrs.length > 0 && repeatsAttribute(attrs)) return `repeated attribute in <${name}> at ${i}`;
        if (!selfClose) stack.push(name);
      }
      i += whole.length;
    } else if ((m = at(TEXT))) {
      if (stack.length === 0 && m[0].trim() !== '') return `text outside the root at ${i}`;
      if (BAD_AMP.test(m[0])) return `bare & in text at ${i}`;
      i += m[0].length;
    } else if ((m = at(COMMENT)) ?? (m = at(CDATA)) ?? (m = at(DECL))) {
      i += m[0].length;
    } else return `unexpected markup at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`;
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots === 0) return 'no root element';
  return undefined;
}
