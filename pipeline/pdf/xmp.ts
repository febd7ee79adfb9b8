// The PDF's XMP metadata (ISO 16684-1): what its Info dictionary says, in the form PDF/UA-1
// asks for, with the pdfuaid:part that claims the standard. Written and read with a real XML DOM.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { decodePDFRawStream, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
} as const;

export type XmpFields = Readonly<{
  title: string;
  description: string;
  language: string;
  creators: readonly string[];
  keywords: readonly string[];
  created: Date;
  modified: Date;
  creatorTool: string;
  producer: string;
}>;

/** The XMP packet of the document, in its xpacket wrapper (UTF-8). */
export function xmpPacket(fields: XmpFields): string {
  const document = new DOMImplementation().createDocument(NS.x, 'x:xmpmeta', null);
  const meta = document.documentElement!;
  const rdf = document.createElementNS(NS.rdf, 'rdf:RDF');
  const description = document.createElementNS(NS.rdf, 'rdf:Description');
  meta.appendChild(rdf).appendChild(description);
  description.setAttributeNS(NS.rdf, 'rdf:about', '');
  for (const prefix of ['dc', 'xmp', 'pdf', 'pdfuaid'] as const) description.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, NS[prefix]);
  const property = (name: `${keyof typeof NS}:${string}`, value: string) => {
    const element = description.appendChild(document.createElementNS(NS[name.split(':')[0] as keyof typeof NS], name));
    element.appendChild(document.createTextNode(value));
  };
  const container = (name: `dc:${string}`, kind: 'Alt' | 'Seq' | 'Bag', values: readonly string[]) => {
    if (values.length === 0) return;
    const element = description.appendChild(document.createElementNS(NS.dc, name));
    const list = element.appendChild(document.createElementNS(NS.rdf, `rdf:${kind}`));
    for (const value of values) {
      const item = document.createElementNS(NS.rdf, 'rdf:li');
      list.appendChild(item);
      if (kind === 'Alt') item.setAttribute('xml:lang', 'x-default');
      item.appendChild(document.createTextNode(value));
    }
  };
  property('dc:format', 'application/pdf');
  container('dc:title', 'Alt', [fields.title]);
  container('dc:description', 'Alt', [fields.description]);
  container('dc:creator', 'Seq', fields.creators);
  container('dc:language', 'Bag', [fields.language]);
  container('dc:subject', 'Bag', fields.keywords);
  property('xmp:CreateDate', isoSeconds(fields.created));
  property('xmp:ModifyDate', isoSeconds(fields.modified));
  property('xmp:MetadataDate', isoSeconds(fields.modified));
  property('xmp:CreatorTool', fields.creatorTool);
  property('pdf:Producer', fields.producer);
  if (fields.keywords.length) property('pdf:Keywords', fields.keywords.join(', '));
  property('pdfuaid:part', '1');
  const body = new XMLSerializer().serializeToString(document);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${body}\n<?xpacket end="r"?>`;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Puts the packet in the catalog's Metadata, uncompressed, as readers and validators look for it. */
export function setXmp(document: PDFDocument, fields: XmpFields): void {
  const stream = document.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
}

/** What the catalog's XMP says, as far as PDF/UA-1 asks; undefined when there is none. */
export function readXmp(document: PDFDocument): { part: string | undefined; title: string | undefined; language: string | undefined } | undefined {
  const reference = document.catalog.get(PDFName.of('Metadata'));
  const stream = reference instanceof PDFRef ? document.context.lookup(reference) : undefined;
  if (!(stream instanceof PDFRawStream)) return undefined;
  const text = new TextDecoder().decode(stream.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(stream).decode() : stream.contents);
  const xml = new DOMParser({ onError: () => {} }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  const first = (namespace: string, name: string) => {
    const element = xml.getElementsByTagNameNS(namespace, name)[0];
    const item = element?.getElementsByTagNameNS(NS.rdf, 'li')[0] ?? element;
    const value = item?.textContent?.trim();
    // A property may also be written as an attribute of rdf:Description.
    return value || xml.getElementsByTagNameNS(NS.rdf, 'Description')[0]?.getAttributeNS(namespace, name) || undefined;
  };
  return { part: first(NS.pdfuaid, 'part'), title: first(NS.dc, 'title'), language: first(NS.dc, 'language') };
}
