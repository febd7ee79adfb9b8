// A page's content stream read as PDF operators, and written back: enough of ISO 32000-1 § 7.8.2
// (operands, operators, inline images) to follow what is painted inside and outside marked content.
import { decodePDFRawStream, PDFArray, type PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

/** One operator with the bytes of its operands, as they stand in the stream. */
export type Operation = Readonly<{ operator: string; operands: readonly string[] }>;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((character) => character.charCodeAt(0)));

/**
 * The operations of a content stream, in order. Strings, arrays and dictionaries stay whole
 * operands; an inline image (BI … ID … EI) is one operation whose operand is its data.
 * Throws on a stream that ends inside a string or an array.
 */
export function readOperations(bytes: Uint8Array): Operation[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const operations: Operation[] = [];
  let operands: string[] = [];
  let at = 0;
  const end = text.length;
  const skipWhite = () => {
    while (at < end) {
      const code = text.charCodeAt(at);
      if (WHITE.has(code)) at++;
      else if (code === 0x25 /* % */) while (at < end && text[at] !== '\n' && text[at] !== '\r') at++;
      else break;
    }
  };
  const readToken = (): string => {
    const start = at;
    const first = text[at]!;
    if (first === '(') {
      let depth = 0;
      for (; at < end; at++) {
        const character = text[at];
        if (character === '\\') at++;
        else if (character === '(') depth++;
        else if (character === ')' && --depth === 0) return text.slice(start, ++at);
      }
      throw new Error('a string is not closed');
    }
    if (first === '<' && text[at + 1] === '<') return readNested('<<', '>>');
    if (first === '<') {
      const close = text.indexOf('>', at);
      if (close < 0) throw new Error('a hex string is not closed');
      at = close + 1;
      return text.slice(start, at);
    }
    if (first === '[') return readNested('[', ']');
    at++; // a name's slash, or the first character of a number or keyword
    while (at < end && !WHITE.has(text.charCodeAt(at)) && !DELIMITERS.has(text.charCodeAt(at))) at++;
    return text.slice(start, at);
  };
  const readNested = (open: string, close: string): string => {
    const start = at;
    at += open.length;
    for (;;) {
      skipWhite();
      if (at >= end) throw new Error(`"${open}" is not closed`);
      if (text.startsWith(close, at)) {
        at += close.length;
        return text.slice(start, at);
      }
      readToken();
    }
  };
  for (;;) {
    skipWhite();
    if (at >= end) break;
    const token = readToken();
    const first = token.charCodeAt(0);
    const isOperand = token.startsWith('/') || DELIMITERS.has(first) || /^[+-.\d]/.test(token) || token === 'true' || token === 'false' || token === 'null';
    if (isOperand) {
      operands.push(token);
      continue;
    }
    if (token === 'BI') {
      // An inline image: its dictionary, ID, one white byte, then data up to a white-delimited EI.
      const data = /\sEI(?=[\s]|$)/g;
      data.lastIndex = at;
      const found = data.exec(text);
      if (!found) throw new Error('an inline image is not closed');
      operations.push({ operator: 'BI', operands: [text.slice(at, found.index)] });
      at = found.index + found[0].length;
      operands = [];
      continue;
    }
    operations.push({ operator: token, operands });
    operands = [];
  }
  return operations;
}

/** The operations written back as a content stream. */
export function writeOperations(operations: readonly Operation[]): Uint8Array {
  const lines = operations.map(({ operator, operands }) => (operator === 'BI' ? `BI ${operands[0]}\nEI` : [...operands, operator].join(' ')));
  const text = `${lines.join('\n')}\n`;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Operators that begin painting: a path, text, an image, an XObject or a shading. */
const PAINTS = new Set(['m', 're', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);
/** Operators an artifact must not span: it would not nest with the text object or the graphics state. */
const BOUNDS = new Set(['BT', 'ET', 'q', 'Q']);

/** Real content (an MCID) or an artifact: marked content that says what it is. */
function saysWhatItIs({ operator, operands }: Operation): boolean {
  return operands[0] === '/Artifact' || (operator === 'BDC' && /\/MCID\s+\d+/.test(operands[1] ?? ''));
}

/**
 * Wraps everything painted outside marked content in `/Artifact BMC … EMC`: what Chromium
 * paints for the page's margin boxes (running header, footer, page numbers) and for the
 * rules and backgrounds of boxes, which no structure element owns. Marked content that is
 * neither (a Span that only gives a space its ActualText) goes inside the artifact around it.
 */
export function markArtifacts(operations: readonly Operation[]): { operations: Operation[]; wrapped: number } {
  const out: Operation[] = [];
  let depth = 0;
  let open = false;
  let wrapped = 0;
  const close = () => {
    if (open) out.push({ operator: 'EMC', operands: [] });
    open = false;
  };
  const start = () => {
    if (open) return;
    out.push({ operator: 'BMC', operands: ['/Artifact'] });
    open = true;
    wrapped++;
  };
  for (const operation of operations) {
    const { operator } = operation;
    if (depth === 0 && BOUNDS.has(operator)) close();
    if (operator === 'BMC' || operator === 'BDC') {
      if (depth === 0 && saysWhatItIs(operation)) close();
      else if (depth === 0) start();
      depth++;
    } else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && PAINTS.has(operator)) start();
    out.push(operation);
  }
  close();
  return { operations: out, wrapped };
}

/** Where painting stands: the marked content around it, outermost first (real content has an MCID). */
export type PaintPlace = Readonly<{ operator: string; marks: readonly ('artifact' | 'content' | 'other')[] }>;

/** Every painting operator of a stream, with the marked content around it. */
export function paintPlaces(operations: readonly Operation[]): PaintPlace[] {
  const stack: ('artifact' | 'content' | 'other')[] = [];
  const places: PaintPlace[] = [];
  for (const { operator, operands } of operations) {
    if (operator === 'BMC' || operator === 'BDC') {
      stack.push(operands[0] === '/Artifact' ? 'artifact' : saysWhatItIs({ operator, operands }) ? 'content' : 'other');
    } else if (operator === 'EMC') stack.pop();
    else if (PAINTS.has(operator)) places.push({ operator, marks: [...stack] });
  }
  return places;
}

/** The decoded bytes of a page's content streams, joined. */
export function pageContent(document: PDFDocument, page: PDFDict): Uint8Array {
  const contents = page.get(PDFName.of('Contents'));
  const list = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const parts = list.map((item) => {
    const stream = item instanceof PDFRef ? document.context.lookup(item) : item;
    return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream instanceof PDFStream ? stream.getContents() : new Uint8Array();
  });
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return joined;
}
