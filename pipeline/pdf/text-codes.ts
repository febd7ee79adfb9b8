// The characters a PDF's text draws: the codes of its text operands, and what a font's ToUnicode
// CMap says they are (ISO 32000-1 § 9.10.3).
import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';

const maps = new WeakMap<PDFDict, Map<number, string> | undefined>();

/** What each character code of a font stands for, by its ToUnicode CMap (bfchar and bfrange); undefined without one. */
export function unicodeMap(font: PDFDict): Map<number, string> | undefined {
  if (maps.has(font)) return maps.get(font);
  const stream = font.lookup(PDFName.of('ToUnicode'));
  let codes: Map<number, string> | undefined;
  if (stream instanceof PDFRawStream) {
    codes = new Map();
    const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const pair of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]*)>/gi)) codes.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const range of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:<([0-9a-f]*)>|\[([^\]]*)\])/gi)) {
        const [low, high] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16)];
        const listed = range[4]?.match(/[0-9a-f]+/gi) ?? [];
        for (let code = low; code <= high; code++) {
          const start = range[3] === undefined ? utf16(listed[code - low] ?? '') : utf16(range[3]);
          // A range's characters follow its first one (the last UTF-16 unit counts up).
          codes.set(code, range[3] === undefined ? start : start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + code - low));
        }
      }
    }
  }
  maps.set(font, codes);
  return codes;
}

function utf16(hex: string): string {
  let text = '';
  for (let at = 0; at + 4 <= hex.length; at += 4) text += String.fromCharCode(parseInt(hex.slice(at, at + 4), 16));
  return text;
}

/** The character codes of a text operand (a string, or a TJ array of strings), one or two bytes each as the font encodes them. */
export function codesOf(font: PDFDict, operand: string): number[] {
  const width = font.get(PDFName.of('Subtype')) === PDFName.of('Type0') ? 2 : 1;
  // The common case, one hex string (`<0030> Tj`), read without copying it into bytes.
  const hex = /^<([0-9a-fA-F]*)>$/.exec(operand)?.[1];
  if (hex !== undefined) {
    const codes: number[] = [];
    for (let at = 0; at + width * 2 <= hex.length; at += width * 2) codes.push(parseInt(hex.slice(at, at + width * 2), 16));
    return codes;
  }
  const codes: number[] = [];
  for (const string of stringsOf(operand)) {
    for (let at = 0; at + width <= string.length; at += width) codes.push(string.slice(at, at + width).reduce((value, byte) => value * 256 + byte, 0));
  }
  return codes;
}

/** The fonts of a page's resources, by the name its content uses (without the slash). */
export function pageFonts(page: PDFDict): (name: string) => PDFDict | undefined {
  const fonts = page.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('Font'), PDFDict);
  return (name) => fonts?.lookupMaybe(PDFName.of(name.replace(/^\//, '')), PDFDict);
}

/** The bytes of the strings of a text operand: a literal or hex string, or an array of them (TJ). */
export function stringsOf(operand: string): Uint8Array[] {
  const strings: Uint8Array[] = [];
  for (const match of operand.matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\[\s\S]|[^\\)])*)\)/g)) {
    if (match[1] !== undefined) {
      const hex = match[1].replace(/\s/g, '');
      strings.push(Uint8Array.from({ length: Math.ceil(hex.length / 2) }, (_, index) => parseInt(hex.slice(index * 2, index * 2 + 2).padEnd(2, '0'), 16)));
    } else strings.push(literalBytes(match[2]!));
  }
  return strings;
}

/** The bytes of a literal string's body (ISO 32000-1 § 7.3.4.2). */
function literalBytes(body: string): Uint8Array {
  const bytes: number[] = [];
  const named: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let at = 0; at < body.length; at++) {
    const character = body[at]!;
    if (character !== '\\') {
      bytes.push(character.charCodeAt(0));
      continue;
    }
    const next = body[++at] ?? '';
    if (next in named) bytes.push(named[next]!);
    else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(at))![0];
      bytes.push(parseInt(octal, 8) & 0xff);
      at += octal.length - 1;
    } else if (next === '\r' && body[at + 1] === '\n') at++;
  }
  return Uint8Array.from(bytes);
}
