// String-level repairs of the XML pptxgenjs 4.0.1 writes. Each fixes one
// known defect that makes PowerPoint offer to repair the file, or adds what
// accessibility needs and pptxgenjs cannot express. They work on pptxgenjs'
// own, regular output; validate.ts then checks every part is well-formed.

/** #1441: a `<p:sp>` without `<p:txBody>` (shapes with no text) is invalid. */
export function addMissingTxBody(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (whole, inner: string) =>
    inner.includes('<p:txBody>') ? whole : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`,
  );
}

/** #1442: a solid background's `<p:bgPr>` needs `<a:effectLst/>` after its fill. */
export function addBackgroundEffectList(xml: string): string {
  return xml.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (whole, inner: string) => (inner.includes('<a:effectLst') ? whole : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`));
}

/**
 * pptxgenjs writes an `<a:pPr>` before every run of a paragraph; the schema
 * allows one, first. Keep the first and drop the rest.
 */
export function dropRepeatedParagraphProps(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_whole, inner: string) => {
    let first = true;
    const body = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr, offset: number) => {
      const keep = first && offset === 0;
      first = false;
      return keep ? pPr : '';
    });
    return `<a:p>${body}</a:p>`;
  });
}

/** Shape ids must be unique within a slide; pptxgenjs numbers tables by slide and so can repeat an id. */
export function renumberShapeIds(xml: string): string {
  let next = 1;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${next++}"`);
}

/** Table header rows marked as such (and banded rows), for screen readers and table styles. */
export function markTableHeaders(xml: string): string {
  return xml.replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>');
}

const DECORATIVE_EXT =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** Shapes named "Decorative …" are marked decorative (PowerPoint's "Mark as decorative"): readers skip them. */
export function markDecorative(xml: string, prefix: string): string {
  const re = new RegExp(`<p:cNvPr ([^>]*?name="${prefix}[^"]*"[^>]*?)(/>|>([\\s\\S]*?)</p:cNvPr>)`, 'g');
  return xml.replace(re, (_whole, attrs: string, _end: string, inner: string | undefined) => {
    const clean = attrs.replace(/\s*descr="[^"]*"/, '');
    const body = (inner ?? '').replace(/<a:extLst>[\s\S]*<\/a:extLst>/, '');
    return `<p:cNvPr ${clean}>${body}${DECORATIVE_EXT}</p:cNvPr>`;
  });
}

/** Speaker notes: pptxgenjs puts every line in one run; one paragraph per note line reads as written. */
export function splitNoteParagraphs(xml: string): string {
  return xml.replace(/<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/, (_whole, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
      .join(''),
  );
}

/** All-capitals display (`cap="all"`) on the runs of a slide's title placeholder: the theme's `text-transform: uppercase`. */
export function capitaliseTitle(xml: string): string {
  return xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\b[^>]*type="title"[\s\S]*?<\/p:sp>/, (sp) => sp.replace(/<a:rPr (?![^>]*\bcap=)/g, '<a:rPr cap="all" '));
}

/** An empty `<a:ln></a:ln>` (pptxgenjs writes one for every shape without a line) is one of PowerPoint's repair triggers; no element means the same. */
export function dropEmptyLines(xml: string): string {
  return xml.replace(/<a:ln><\/a:ln>/g, '');
}

/**
 * #1443: PowerPoint's repair strips the six placeholders pptxgenjs puts on the
 * notes master, leaving an empty shape tree. Write that repaired form
 * ourselves (notes pages still show the slide and its notes).
 */
export function emptyNotesMasterShapes(xml: string): string {
  return xml.replace(/(<p:spTree>[\s\S]*?<\/p:grpSpPr>)[\s\S]*?(<\/p:spTree>)/, '$1$2');
}

/** Default content types only for extensions the package uses (#1449 lists the unused video/VML ones among the repair triggers). */
export function dropUnusedDefaults(xml: string, names: ReadonlySet<string>): string {
  const used = new Set(['xml', 'rels', ...[...names].map((n) => n.slice(n.lastIndexOf('.') + 1).toLowerCase())]);
  return xml.replace(/<Default Extension="([^"]+)"[^>]*\/>/g, (d, ext: string) => (used.has(ext.toLowerCase()) ? d : ''));
}

/** `image/jpg` is not a MIME type (`image/jpeg` is). */
export function fixJpegMime(xml: string): string {
  return xml.replace('ContentType="image/jpg"', 'ContentType="image/jpeg"');
}
