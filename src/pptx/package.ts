// The package step: pptxgenjs' zip in, a repaired, checked, reproducible zip out.
//
//   pptxgenjs zip ──► [Content_Types].xml: one override per part that exists (#1444),
//                     defaults only for extensions in use
//                 ──► slides, layouts, master: txBody (#1441), effectLst (#1442), no empty <a:ln>,
//                     one pPr per paragraph, unique shape ids, table header rows,
//                     decorative shapes; notes: one paragraph per line; notes master as
//                     PowerPoint repairs it (#1443)
//                 ──► docProps/core.xml: fixed dates, title, language
//                 ──► embedded chart workbooks: fixed dates, re-zipped the same way
//                 ──► validate (well-formed XML, overrides and relationship targets exist)
//                 ──► zip with sorted entries and fixed dates: same input, same bytes
import { TrialdeckError } from '../errors.js';
import { DECORATIVE } from './masters.js';
import { LANG } from './text-box.js';
import { validatePackage } from './validate.js';
import { readZip, writeZip } from './zip.js';
import {
  addBackgroundEffectList, addMissingTxBody, capitaliseTitle, dropEmptyLines, dropUnusedDefaults, emptyNotesMasterShapes, dropRepeatedParagraphProps, fixJpegMime, markDecorative, markTableHeaders,
  renumberShapeIds, splitNoteParagraphs,
} from './xml-repairs.js';

/** The document's created/modified date (zip entries carry the same day): fixed, so builds are byte-identical. */
const FIXED_W3CDTF = '2000-01-01T00:00:00Z';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
}

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function coreXml(info: DocInfo): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(info.title)}</dc:title><dc:subject>${xmlText(info.subject)}</dc:subject><dc:creator>${xmlText(info.author)}</dc:creator>` +
    `<dc:language>${LANG}</dc:language><cp:lastModifiedBy>trialdeck</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_W3CDTF}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_W3CDTF}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const CONTENT_TYPE: Record<string, string> = {
  'ppt/slideMasters/': 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
};

/** #1444: drop overrides for parts that are not in the package (pptxgenjs names a master per slide). */
export function repairContentTypes(xml: string, names: ReadonlySet<string>): string {
  let out = xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>\s*/g, (o, part: string) => (names.has(part) ? o : ''));
  for (const name of names) {
    for (const [folder, type] of Object.entries(CONTENT_TYPE)) {
      if (name.startsWith(folder) && name.endsWith('.xml') && !name.includes('/_rels/') && !out.includes(`PartName="/${name}"`)) {
        out = out.replace('</Types>', `<Override PartName="/${name}" ContentType="${type}"/></Types>`);
      }
    }
  }
  return dropUnusedDefaults(fixJpegMime(out), names).replace(/>\s+</g, '><');
}

function repairPart(name: string, xml: string, options: PackageOptions): string {
  if (/^ppt\/slides\/[^/]+\.xml$/.test(name) && options.titleCaps) xml = capitaliseTitle(xml);
  if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) {
    return markTableHeaders(markDecorative(renumberShapeIds(dropRepeatedParagraphProps(addBackgroundEffectList(addMissingTxBody(dropEmptyLines(xml))))), DECORATIVE));
  }
  if (name === 'ppt/notesMasters/notesMaster1.xml') return emptyNotesMasterShapes(xml);
  if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(name)) return splitNoteParagraphs(xml);
  return xml;
}

const utf8 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');

/** An embedded chart workbook: the same fixed dates and zip rules as the deck. */
function repairWorkbook(bytes: Uint8Array): Uint8Array {
  const files = readZip(bytes);
  const core = files.get('docProps/core.xml');
  const out = new Map<string, Uint8Array | string>(files);
  if (core) out.set('docProps/core.xml', utf8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_W3CDTF}`).replace(/PptxGenJS/g, 'trialdeck'));
  return writeZip(out);
}

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process
 * (chart3.xml in a second deck), so the same deck would get other names in a
 * long-running process (preview, batch). Renumber them 1…n in their order.
 */
export function renumberCharts(entries: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const numbers = [...entries.keys()].map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1]).filter((n): n is string => n !== undefined).map(Number).sort((a, b) => a - b);
  const map = new Map(numbers.map((n, i) => [n, i + 1]));
  if (numbers.every((n, i) => n === i + 1)) return new Map(entries);
  const rename = (s: string): string =>
    s.replace(/(charts\/chart|charts\/_rels\/chart|Microsoft_Excel_Worksheet)(\d+)(?=\.(?:xml|xlsx))/g, (_m, stem: string, n: string) => `${stem}${map.get(Number(n)) ?? n}`);
  const out = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) {
    const text = /\.(xml|rels)$/.test(name) ? utf8(bytes) : undefined;
    out.set(rename(name), text === undefined ? bytes : new Uint8Array(Buffer.from(rename(text), 'utf8')));
  }
  return out;
}

export interface PackageOptions {
  /** The theme sets headings in capitals: the title placeholder shows them so (the text itself is unchanged). */
  titleCaps?: boolean;
}

export function finishPackage(raw: Uint8Array, info: DocInfo, options: PackageOptions = {}): Uint8Array {
  const entries = renumberCharts(readZip(raw));
  const names = new Set(entries.keys());
  const files = new Map<string, Uint8Array | string>();
  for (const [name, bytes] of entries) {
    if (name.endsWith('.xlsx')) files.set(name, repairWorkbook(bytes));
    else if (name === '[Content_Types].xml') files.set(name, repairContentTypes(utf8(bytes), names));
    else if (name === 'docProps/core.xml') files.set(name, coreXml(info));
    else if (name.endsWith('.xml') || name.endsWith('.rels')) files.set(name, repairPart(name, utf8(bytes), options));
    else files.set(name, bytes);
  }
  const problems = validatePackage(files);
  if (problems.length > 0) throw new TrialdeckError('EXPORT', `PPTX package check failed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
  return writeZip(files);
}
