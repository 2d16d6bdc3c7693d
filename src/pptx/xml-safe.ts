// Text that XML 1.0 cannot hold (C0 controls other than tab/newline, U+FFFE/
// U+FFFF, unpaired surrogates) makes a part unreadable: PowerPoint refuses the
// file. pptxgenjs escapes markup but passes these through, so every string
// the writer receives is cleaned once, here, before any of it is laid out.

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}

export function hasNonXmlChars(s: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(s);
  NOT_XML.lastIndex = 0;
  return found;
}

/** A copy of plain data (the view model's slides, chart datasets) with every string made XML-safe. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
