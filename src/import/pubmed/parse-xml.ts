// PubMed efetch XML → plain objects with fast-xml-parser. Entities are never
// expanded from a DTD (processEntities off; a document declaring <!ENTITY is
// refused), so no billion-laughs or external entity can run; the five XML
// entities and numeric character references are decoded here, by hand.
// AbstractText and ArticleTitle are read raw (stopNodes) because they carry
// inline markup (<i>, <sup>) that would otherwise split the sentence.
import { XMLParser } from 'fast-xml-parser';
import { TrialdeckError } from '../../errors.js';

/** A PubmedArticleSet of a few records is 20–100 KB; 5 MB is plenty. */
export const MAX_XML_BYTES = 5 * 1024 * 1024;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes &amp; &lt; &gt; &quot; &apos; &#946; &#x3B2;, leaves other names as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Raw inner XML of a stop node → text: tags dropped, entities decoded, spaces collapsed. */
export function innerText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  const s = typeof raw === 'object' ? String((raw as Record<string, unknown>)['#text'] ?? '') : String(raw);
  return decodeEntities(s.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

export function parsePubmedXml(xml: string, file?: string): Record<string, unknown> {
  const where = file ? `${file}: ` : '';
  if (Buffer.byteLength(xml, 'utf8') > MAX_XML_BYTES) throw new TrialdeckError('INPUT_TOO_LARGE', `${where}over the ${MAX_XML_BYTES / 1024 / 1024} MB limit for PubMed XML`);
  if (/<!ENTITY/i.test(xml)) throw new TrialdeckError('INPUT_UNSUPPORTED', `${where}the XML declares entities (<!ENTITY>); PubMed efetch output never does, so it is refused`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    stopNodes: ['*.AbstractText', '*.ArticleTitle', '*.Title', '*.CollectiveName'],
    isArray: (name) => ['PubmedArticle', 'Author', 'AbstractText', 'ArticleId', 'ELocationID', 'DataBank', 'AccessionNumber'].includes(name),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${where}not well-formed XML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (!doc.PubmedArticleSet) throw new TrialdeckError('INPUT_UNSUPPORTED', `${where}expected a PubMed efetch <PubmedArticleSet>`);
  return doc;
}
