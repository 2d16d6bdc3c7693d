// Reads a PPTX back the way an independent tool would: jszip for the package,
// fast-xml-parser for the XML (not the writer's own zip or XML code).
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Package {
  names: string[];
  text: (name: string) => string;
  bytes: (name: string) => Uint8Array;
}

export async function openPackage(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  const texts = new Map<string, string>();
  const raw = new Map<string, Uint8Array>();
  for (const n of names) {
    const entry = zip.file(n);
    if (!entry) continue;
    raw.set(n, await entry.async('uint8array'));
    if (/\.(xml|rels)$/.test(n)) texts.set(n, await entry.async('string'));
  }
  return { names, text: (n) => texts.get(n) ?? '', bytes: (n) => raw.get(n) ?? new Uint8Array() };
}

export const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false, isArray: () => false });

export function isWellFormed(xml: string): true | string {
  const r = XMLValidator.validate(xml);
  return r === true ? true : `${r.err.msg} (line ${r.err.line})`;
}

export function slideNames(pkg: Package): string[] {
  return pkg.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => num(a) - num(b));
}

export const num = (n: string): number => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);

/** Every `<a:t>` text of an XML part, in document order. */
export function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ''));
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The `<p:sp>` elements of a slide's shape tree, in reading order. */
export function shapes(xml: string): string[] {
  return [...xml.matchAll(/<p:(sp|graphicFrame|pic)>[\s\S]*?<\/p:\1>/g)].map((m) => m[0]);
}

/** A slide's title: the text of its title placeholder. */
export function titleOf(xml: string): string | undefined {
  const sp = shapes(xml).find((s) => /<p:ph\b[^>]*type="title"/.test(s));
  return sp ? runs(sp).join('') : undefined;
}

/** Target of a relationship of a part (`ppt/slides/slide1.xml` → its .rels). */
export function relTargets(pkg: Package, part: string): { type: string; target: string }[] {
  const dir = part.slice(0, part.lastIndexOf('/'));
  const rels = pkg.text(`${dir}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`);
  return [...rels.matchAll(/<Relationship\b[^>]*?Type="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => ({
    type: (m[1] ?? '').replace(/.*\//, ''),
    target: new URL(m[2] ?? '', `file:///${dir}/`).pathname.slice(1),
  }));
}
