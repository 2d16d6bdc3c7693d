// Is this XML well-formed? One pass with indexOf over the markup and a stack
// of open elements: every tag closed in order, attributes quoted and not
// repeated, `&` only as an entity, one root, no character XML 1.0 forbids.
// Enough to catch what string-built OOXML gets wrong, at a fraction of a full
// parser's cost (it runs on every part of every deck; the tests check the same
// parts with fast-xml-parser as an independent judge).
import { hasNonXmlChars } from './xml-safe.js';

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTR = /\s+([\w.:-]+)\s*=\s*(?:"[^"<]*"|'[^'<]*')/y;
const BAD_AMP = /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/;

/** What is wrong with a tag's attribute list (quoting, repeats), if anything. */
function attributeProblem(attrs: string): string | undefined {
  let seen: string[] | undefined;
  let k = 0;
  ATTR.lastIndex = 0;
  while (k < attrs.length) {
    ATTR.lastIndex = k;
    const m = ATTR.exec(attrs);
    if (!m) return attrs.slice(k).trim() === '' ? undefined : 'bad attributes';
    const name = m[1] ?? '';
    seen ??= [];
    if (seen.includes(name)) return `repeated attribute ${name}`;
    seen.push(name);
    k = ATTR.lastIndex;
  }
  return undefined;
}

/** `undefined` when well-formed, else what is wrong and where. */
export function xmlProblem(xml: string): string | undefined {
  if (hasNonXmlChars(xml)) return 'a character XML 1.0 does not allow (control character, U+FFFE/U+FFFF or an unpaired surrogate)';
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.length > 0) {
      if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${i}`;
      if (text.includes('&') && BAD_AMP.test(text)) return `bare & in text at ${i}`;
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return `unclosed comment at ${lt}`;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return `unclosed CDATA at ${lt}`;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return `unclosed declaration at ${lt}`;
      i = end + 2;
      continue;
    }
    // A tag ends at the first '>' outside quotes (attribute values may not hold '<', but may hold '>').
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '<') return `'<' inside an attribute value at ${j}`;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      else if (c === '<') return `unexpected '<' inside a tag at ${j}`;
    }
    if (j >= xml.length) return `unclosed tag at ${lt}`;
    const inner = xml.slice(lt + 1, j);
    i = j + 1;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      if (!NAME.test(name)) return `bad end tag at ${lt}`;
      if (stack.pop() !== name) return `</${name}> does not close the open element at ${lt}`;
      continue;
    }
    const selfClose = inner.endsWith('/');
    const body = selfClose ? inner.slice(0, -1) : inner;
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    const attrs = space < 0 ? '' : body.slice(space);
    if (!NAME.test(name)) return `bad tag name at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 40))}`;
    const bad = attrs ? attributeProblem(attrs) : undefined;
    if (bad) return `${bad} in <${name}> at ${lt}`;
    if (attrs.includes('&') && BAD_AMP.test(attrs)) return `bare & in an attribute of <${name}> at ${lt}`;
    if (stack.length === 0 && ++roots > 1) return `second root element <${name}> at ${lt}`;
    if (!selfClose) stack.push(name);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots === 0) return 'no root element';
  return undefined;
}
