// Emoji, which this machine has no font for, printed in the PDF and the share images from Noto
// Emoji, and read back from the PDF's text; the published page leaves them to the reader's own
// emoji, and carries no font of them.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf, type PdfInspection, runBuild } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-emoji-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
const out = join(work, 'out');

const ARTICLE = `---
title: "🇪🇸 España lidera las reservas de agua del sur de Europa"
description: "Los embalses españoles están al 61 % de su capacidad, por delante de Portugal e Italia."
lang: es
date: 2026-09-02
---

Los embalses de España 💧 guardan el 61 % de su capacidad a principios de septiembre.

## Un verano sin sequía ☀️

Portugal queda en el 48 % y Grecia en el 35 %.

\`\`\`vega-lite id=embalses
{
  "title": "Reservas de agua 💧, en % de la capacidad",
  "data": {"url": "data/embalses.csv"},
  "mark": "bar",
  "encoding": {
    "y": {"field": "pais", "type": "nominal", "sort": "-x", "title": null},
    "x": {"field": "porcentaje", "type": "quantitative", "title": "Reserva (%)"}
  }
}
\`\`\`
`;

const CSV = 'pais,porcentaje\n🇪🇸 España,61\n🇵🇹 Portugal,48\n🇮🇹 Italia,44\n🇬🇷 Grecia,35\n';

let pdf: PdfInspection;
let stderr = '';

beforeAll(async () => {
  mkdirSync(join(content, 'data'), { recursive: true });
  writeFileSync(join(content, 'article.md'), ARTICLE);
  writeFileSync(join(content, 'data', 'embalses.csv'), CSV);
  const run = await runBuild(['--content', content, '--out', out]);
  stderr = run.stderr;
  expect(run.status, run.stderr).toBe(0);
  pdf = await inspectPdf(join(out, 'report.pdf'));
}, 120_000);

describe('emoji in the title, the text and a chart’s labels', () => {
  it('print in the PDF from Noto Emoji, embedded, and its text reads them back', () => {
    const text = pdf.pages.map((page) => page.items.map((item) => item.str).join('')).join('\n');
    // ☀️ reads back as ☀: its variation selector only asks for the emoji's look.
    for (const emoji of ['🇪🇸', '💧', '☀', '🇵🇹', '🇬🇷']) expect(text).toContain(emoji);
    const noto = pdf.fonts.filter((font) => /NotoEmoji/.test(font.name));
    expect(noto.length).toBeGreaterThan(0);
    expect(noto.every((font) => font.embedded && !font.type3)).toBe(true);
    // No glyph came from a font of the machine, and none is an empty box (the PDF/UA check passed).
    expect(stderr).not.toMatch(/system font|empty box|PDF\/UA/);
  });

  it('leave no emoji font in the published output, and the web page to the reader’s own emoji', () => {
    expect(readdirSync(join(out, 'assets', 'fonts')).filter((name) => name.includes('emoji'))).toEqual([]);
    expect(readdirSync(out).filter((name) => name.endsWith('.html'))).toEqual(['index.html']);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('🇪🇸 España lidera');
    expect(page).not.toMatch(/noto-emoji/);
  });

  it('are drawn in the chart’s own SVG from the glyphs it carries', () => {
    const svg = readFileSync(join(out, 'charts', 'embalses.svg'), 'utf8');
    const ranges = [...svg.matchAll(/unicode-range:([^}]+)\}/g)].map((match) => match[1]!.split(','));
    // The flag of Spain is two regional indicators, U+1F1EA U+1F1F8, in the labels' weight; the
    // drop is in the title's.
    expect(ranges.flat()).toEqual(expect.arrayContaining(['U+1F1EA', 'U+1F1F8', 'U+1F4A7']));
    // Each with a face of its own, apart from Source Sans's letters.
    expect(ranges.filter((range) => range.includes('U+1F1EA') && !range.includes('U+45'))).toHaveLength(1);
  });

  it('print on the share images', () => {
    const png = readFileSync(join(out, 'social.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
