// The PDF's own PDF/UA-1 check: every article's PDF passes it, and each condition, broken alone
// in a PDF that passes, makes it fail with its Matterhorn checkpoint.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../pipeline/browser/find-browser.js';
import { launchBrowser } from '../pipeline/browser/launch-browser.js';
import { checkPdfUa } from '../pipeline/pdf/check-pdf.js';
import { pageContent, streamBytes, taggedXObjects } from '../pipeline/pdf/content-stream.js';
import { type StructureElement, structureElements } from '../pipeline/pdf/structure-tree.js';
import { xmpPacket } from '../pipeline/pdf/xmp.js';
import { EnvironmentError } from '../pipeline/problems/errors.js';
import { buildReport } from '../pipeline/report/build-report.js';
import { ARTICLES, ensureSites, SITES_DIR } from './built-sites.js';
import { inspectPdf, ROOT, SYNC_LIMIT, snapshot } from './helpers.js';

/** poppler's tools, which read ActualText as assistive technology does. */
const POPPLER = spawnSync('pdftotext', ['-v'], { timeout: SYNC_LIMIT }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'briefing-pdfua-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let right: Uint8Array;
/** The long English briefing's PDF: headings of two levels, lists, tables, links and charts. */
const LONG = () => join(SITES_DIR, 'long', 'report.pdf');

beforeAll(async () => {
  await ensureSites();
  right = readFileSync(LONG());
});

/** The checkpoints a PDF fails, once `spoil` has broken it. */
async function failures(spoil: (document: PDFDocument) => void): Promise<string[]> {
  const document = await PDFDocument.load(right, { updateMetadata: false });
  spoil(document);
  // Saved and read again, as a published file would be.
  const saved = await PDFDocument.load(await document.save(), { updateMetadata: false });
  return [...new Set(checkPdfUa(saved).map((failure) => failure.checkpoint))];
}

const first = (document: PDFDocument, type: string, test: (element: StructureElement) => boolean = () => true) =>
  structureElements(document).find((element) => element.type === type && test(element))!;

function setMetadata(document: PDFDocument, packet: string): void {
  const stream = document.context.stream(new TextEncoder().encode(packet), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
}

const xmp = {
  title: 'T',
  description: 'D',
  language: 'en',
  creators: [],
  keywords: [],
  created: new Date(0),
  modified: new Date(0),
  creatorTool: 'x',
  producer: 'x',
};

/** Rewrites the content of the first page (or the first page with a form XObject of tagged content). */
function rewriteContent(document: PDFDocument, change: (text: string) => string, withForm = false): void {
  const page = document.getPages().find((candidate) => !withForm || taggedXObjects(candidate.node).size > 0)!.node;
  const text = Buffer.from(pageContent(document, page)).toString('latin1');
  const changed = change(text);
  expect(changed).not.toBe(text);
  page.set(PDFName.of('Contents'), document.context.register(document.context.flateStream(Uint8Array.from(changed, (c) => c.charCodeAt(0)))));
}

describe('the PDF/UA-1 check of the build', () => {
  it.each(ARTICLES.map((article) => [article.title, article.name] as const))(
    'passes on the PDF of %s, which a reader (pdf.js) finds tagged, with XMP metadata',
    async (_, name) => {
      const path = join(SITES_DIR, name, 'report.pdf');
      expect(checkPdfUa(await PDFDocument.load(readFileSync(path), { updateMetadata: false }))).toEqual([]);
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
      const { info, metadata } = await pdf.getMetadata();
      expect(metadata?.get('dc:title')).toBe((info as { Title: string }).Title);
      expect(((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked).toBe(true);
      await pdf.destroy();
    },
  );

  // CI installs poppler-utils; elsewhere the test says it was skipped rather than failing.
  it.skipIf(!POPPLER && !process.env.CI)('shows pdfinfo a metadata stream and tags', () => {
    const info = execFileSync('pdfinfo', [LONG()], { encoding: 'utf8', timeout: SYNC_LIMIT });
    expect(info).toMatch(/^Metadata Stream: +yes$/m);
    expect(info).toMatch(/^Tagged: +yes$/m);
  });

  const CONDITIONS: [string, string, (document: PDFDocument) => void][] = [
    ['06-001', 'no XMP metadata', (document) => document.catalog.delete(PDFName.of('Metadata'))],
    ['06-002', 'XMP without pdfuaid:part', (document) => setMetadata(document, xmpPacket(xmp).replace(/<pdfuaid:part[^>]*>1<\/pdfuaid:part>/, ''))],
    ['06-003', 'XMP without dc:title', (document) => setMetadata(document, xmpPacket(xmp).replace(/<dc:title[\s\S]*?<\/dc:title>/, ''))],
    ['07-001', 'no DisplayDocTitle', (document) => document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).delete(PDFName.of('DisplayDocTitle'))],
    [
      '07-002',
      'DisplayDocTitle false',
      (document) => document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), PDFBool.False),
    ],
    ['11-001', 'no language', (document) => document.catalog.delete(PDFName.of('Lang'))],
    ['01-007', 'suspect tags', (document) => document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).set(PDFName.of('Suspects'), PDFBool.True)],
    ['02-001', 'a structure type no standard one stands for', (document) => first(document, 'P').dict.set(PDFName.of('S'), PDFName.of('Chart'))],
    ['09-004', 'table cells outside a row', (document) => first(document, 'TR').dict.set(PDFName.of('S'), PDFName.of('Div'))],
    ['09-005', 'a list item whose body is not an LBody', (document) => first(document, 'LBody').dict.set(PDFName.of('S'), PDFName.of('NonStruct'))],
    ['13-004', "a figure's alternate text stripped", (document) => first(document, 'Figure').dict.delete(PDFName.of('Alt'))],
    ['14-002', 'a first heading that is not an H1', (document) => first(document, 'H1').dict.set(PDFName.of('S'), PDFName.of('H2'))],
    ['14-003', 'a skipped heading level', (document) => first(document, 'H2').dict.set(PDFName.of('S'), PDFName.of('H4'))],
    ['14-007', 'both H and numbered headings', (document) => first(document, 'H2').dict.set(PDFName.of('S'), PDFName.of('H'))],
    [
      '15-003',
      "a header cell's scope dropped",
      (document) => {
        const cell = first(document, 'TH').dict;
        cell.set(PDFName.of('A'), document.context.obj([{ O: 'Table', RowSpan: 1 }]));
      },
    ],
    ['28-008', 'no tab order on a page with links', (document) => pageWithLinks(document).delete(PDFName.of('Tabs'))],
    ['28-009', 'a tab order other than the structure', (document) => pageWithLinks(document).set(PDFName.of('Tabs'), PDFName.of('R'))],
    [
      '28-011',
      'a link annotation outside its Link tag',
      (document) => {
        const link = first(document, 'Link').dict;
        const kids = link.lookup(PDFName.of('K'), PDFArray);
        link.set(PDFName.of('K'), document.context.obj(kids.asArray().filter((kid) => !(document.context.lookup(kid) as PDFDict).has?.(PDFName.of('Obj')))));
      },
    ],
    ['28-012', "a link's description removed", (document) => annotations(pageWithLinks(document))[0]!.delete(PDFName.of('Contents'))],
    [
      '01-005',
      'an artifact turned back into unmarked content',
      (document) =>
        rewriteContent(document, (text) =>
          text.replace(/\/Artifact BMC\n([^\n]*\n)*?EMC\n/, (block) => block.replace('/Artifact BMC\n', '').replace(/EMC\n$/, '')),
        ),
    ],
    [
      '01-003',
      'an artifact inside tagged content',
      (document) => rewriteContent(document, (text) => text.replace(/(\/MCID \d+ >> BDC\n)/, '$1/Artifact BMC\n0 0 1 1 re\nn\nEMC\n')),
    ],
    [
      '01-004',
      'tagged content inside an artifact',
      (document) => rewriteContent(document, (text) => text.replace('/Artifact BMC\n', '/Artifact BMC\n/P <</MCID 999 >> BDC\n0 0 1 1 re\nn\nEMC\n')),
    ],
    [
      '01-004',
      'a form XObject of tagged content painted inside an artifact',
      (document) => rewriteContent(document, (text) => text.replace(/^(\/X\d+ Do)$/m, '/Artifact BMC\n$1\nEMC'), true),
    ],
    [
      '01-005',
      "a form XObject's own content untagged",
      (document) => {
        const [form] = [...taggedXObjects(document.getPages().find((page) => taggedXObjects(page.node).size > 0)!.node).values()];
        const text = Buffer.from(streamBytes(form!)).toString('latin1');
        const untagged = text.replace(/\/\w+ <<\/MCID \d+ ?>> ?BDC/g, '').replace(/\bEMC\b/g, '');
        expect(untagged).not.toBe(text);
        const replacement = document.context.flateStream(untagged);
        for (const [key, value] of form!.dict.entries()) if (!['/Filter', '/Length', '/DecodeParms'].includes(key.asString())) replacement.dict.set(key, value);
        document.context.assign(document.context.getObjectRef(form!)!, replacement);
      },
    ],
    ['31-027', 'a font without its ToUnicode map', (document) => fonts(document)[0]!.delete(PDFName.of('ToUnicode'))],
    [
      '10-001',
      "a glyph dropped from a font's ToUnicode map",
      (document) => {
        for (const font of fonts(document)) {
          const stream = font.lookup(PDFName.of('ToUnicode')) as PDFRawStream;
          const cmap = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
          const cut = cmap.replace(/(beginbfchar\s*)<[0-9A-F]+>\s*<[0-9A-F]+>/i, '$1');
          document.context.assign(font.get(PDFName.of('ToUnicode')) as PDFRef, document.context.flateStream(cut));
        }
      },
    ],
  ];

  it('passes the long briefing saved and read again untouched, the PDF each condition below breaks', async () => {
    expect(await failures(() => {})).toEqual([]);
  });

  it.each(CONDITIONS)('fails %s when a PDF that passes gets %s', async (checkpoint, _, spoil) => {
    expect(await failures(spoil)).toContain(checkpoint);
  });
});

function pageWithLinks(document: PDFDocument): PDFDict {
  return document.getPages().find((page) => annotations(page.node).length > 0)!.node;
}

function annotations(page: PDFDict): PDFDict[] {
  const list = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  return list ? list.asArray().map((item) => page.context.lookup(item) as PDFDict) : [];
}

function fonts(document: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font') && object.has(PDFName.of('ToUnicode'))) found.push(object);
  }
  return found;
}

describe('a PDF that fails PDF/UA-1', () => {
  it('is never published: an environment error naming the checkpoint, and the output as it was', async () => {
    // A real Chromium that prints without tags, as an older or misconfigured one would.
    const session = await launchBrowser(findBrowser());
    const untagging = {
      ...session,
      newPage: async () => {
        const page = await session.newPage();
        const print = page.pdf.bind(page);
        page.pdf = (options) => print({ ...options, tagged: false, outline: false });
        return page;
      },
    };
    const out = join(work, 'out');
    const contentDir = join(ROOT, 'test', 'fixtures', 'en-briefing');
    try {
      // A build that publishes, then one that must not.
      await buildReport({ contentDir, outDir: out, browser: Promise.resolve(session) });
      const before = snapshot(out);
      const build = buildReport({ contentDir, outDir: out, browser: Promise.resolve(untagging) });
      const error = await build.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(EnvironmentError);
      expect((error as Error).message).toMatch(
        /^report\.pdf fails PDF\/UA-1: 01-005: .*; 01-005: the document has no structure tree: none of its content is tagged/,
      );
      expect(snapshot(out)).toEqual(before);
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });
});

describe('the tags of the PDF', () => {
  it.skipIf(!POPPLER && !process.env.CI)('read a word broken at a line end whole: its hyphen is a soft hyphen to a reader, not a hyphen-minus', () => {
    // poppler reads ActualText as assistive technology does (pdf.js does not).
    const text = execFileSync('pdftotext', [join(SITES_DIR, 'german', 'report.pdf'), '-'], { encoding: 'utf8', timeout: SYNC_LIMIT });
    expect(text).toMatch(/\p{L}\u00AD+$/mu);
    expect(text).not.toMatch(/\u00AD-$/m);
  });

  it('follow the article: its headings in order, its figures with their charts’ text, its links described', async () => {
    const document = await PDFDocument.load(right, { updateMetadata: false });
    const headings = structureElements(document).filter((element) => /^H\d$/.test(element.type));
    const inspection = await inspectPdf(LONG());
    // One heading tag a bookmark: the title and every heading of the body, in order.
    expect(headings.map((element) => Number(element.type.slice(1)))).toEqual(inspection.outline.map((item) => item.depth + 1));
    expect(inspection.figureAlts.length).toBeGreaterThan(0);
    for (const page of document.getPages()) for (const link of annotations(page.node)) expect(link.has(PDFName.of('Contents'))).toBe(true);
  });
});
