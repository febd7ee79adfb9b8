// A page's content stream read as PDF operators, and written back: enough of ISO 32000-1 § 7.8.2
// (operands, operators, inline images) to follow what is painted inside and outside marked content.
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

/** One operator with the bytes of its operands, as they stand in the stream. */
export type Operation = Readonly<{ operator: string; operands: readonly string[] }>;

/**
 * One token at a time: white space or a comment (skipped), a literal string without nested
 * parentheses, a delimiter of an array or dictionary or a hex string, a name, or anything
 * else up to a delimiter (a number, a keyword, an operator).
 */
const TOKEN =
  /[\0\t\n\f\r ]+|%[^\r\n]*|(\((?:[^()\\]|\\[\s\S])*\))|(<<|>>|\[|\]|<[0-9A-Fa-f\0\t\n\f\r ]*>|[{}])|(\/[^\0\t\n\f\r ()<>[\]{}/%]*)|([^\0\t\n\f\r ()<>[\]{}/%]+)/y;

/**
 * The operations of a content stream, in order. Strings, arrays and dictionaries stay whole
 * operands; an inline image (BI … ID … EI) is one operation whose operand is its data.
 * Throws on a stream that ends inside a string, an array or a dictionary.
 */
export function readOperations(bytes: Uint8Array): Operation[] {
  // Latin-1 maps each byte to one character and back (TextDecoder's "latin1" is windows-1252).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const operations: Operation[] = [];
  let operands: string[] = [];
  let depth = 0;
  let start = 0;
  let at = 0;
  const operand = (token: string) => {
    if (depth === 0) operands.push(token);
  };
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) {
      // A string with parentheses inside it, balanced, or a stray one.
      if (text[at] !== '(') throw new Error(`unexpected "${text[at]}" at byte ${at}`);
      const from = at;
      at = endOfString(text, at);
      operand(text.slice(from, at));
      continue;
    }
    at = TOKEN.lastIndex;
    const [, string, delimiter, name, word] = match;
    if (string !== undefined || name !== undefined) operand((string ?? name)!);
    else if (delimiter === '<<' || delimiter === '[') {
      if (depth++ === 0) start = at - delimiter.length;
    } else if (delimiter === '>>' || delimiter === ']') {
      if (--depth < 0) throw new Error(`unexpected "${delimiter}" at byte ${at}`);
      if (depth === 0) operands.push(text.slice(start, at));
    } else if (delimiter !== undefined) operand(delimiter);
    else if (word !== undefined && depth === 0) {
      if (/^[+\-.\d]/.test(word) || word === 'true' || word === 'false' || word === 'null') operands.push(word);
      else if (word === 'BI') {
        // An inline image: its dictionary, ID, one white byte, then data up to a white-delimited EI.
        const data = /\sEI(?=\s|$)/g;
        data.lastIndex = at;
        const found = data.exec(text);
        if (!found) throw new Error('an inline image is not closed');
        operations.push({ operator: 'BI', operands: [text.slice(at, found.index)] });
        at = found.index + found[0].length;
        operands = [];
      } else {
        operations.push({ operator: word, operands });
        operands = [];
      }
    }
  }
  if (depth > 0) throw new Error(`"${text[start]}" is not closed`);
  return operations;
}

/** Where a literal string that starts at `from` ends, past its closing parenthesis. */
function endOfString(text: string, from: number): number {
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const character = text[at];
    if (character === '\\') at++;
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return at + 1;
  }
  throw new Error('a string is not closed');
}

/** The operations written back as a content stream. */
export function writeOperations(operations: readonly Operation[]): Uint8Array {
  const lines = operations.map(({ operator, operands }) =>
    operator === 'BI' ? `BI ${operands[0]}\nEI` : operands.length ? `${operands.join(' ')} ${operator}` : operator,
  );
  return Buffer.from(`${lines.join('\n')}\n`, 'latin1');
}

/** Operators that show text. */
export const SHOWS: ReadonlySet<string> = new Set(['Tj', 'TJ', "'", '"']);

/** Operators that begin painting: a path, text, an image, an XObject or a shading. */
const PAINTS = new Set(['m', 're', ...SHOWS, 'Do', 'sh', 'BI']);
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
 * A form XObject in `tagged` (by its resource name) holds tagged content of its own: it is
 * painted as real content, never inside an artifact.
 */
export function markArtifacts(operations: readonly Operation[], tagged: ReadonlySet<string> = new Set()): { operations: Operation[]; wrapped: number } {
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
    else if (depth === 0 && operator === 'Do' && tagged.has(operation.operands[0] ?? '')) close();
    else if (depth === 0 && PAINTS.has(operator)) start();
    out.push(operation);
  }
  close();
  return { operations: out, wrapped };
}

/** Where painting stands: the marked content around it, outermost first (real content has an MCID). */
export type PaintPlace = Readonly<{ operator: string; marks: readonly ('artifact' | 'content' | 'other')[] }>;

/** Every painting operator of a stream, with the marked content around it; a form XObject in `tagged` is real content. */
export function paintPlaces(operations: readonly Operation[], tagged: ReadonlySet<string> = new Set()): PaintPlace[] {
  const stack: ('artifact' | 'content' | 'other')[] = [];
  const places: PaintPlace[] = [];
  for (const { operator, operands } of operations) {
    if (operator === 'BMC' || operator === 'BDC') {
      stack.push(operands[0] === '/Artifact' ? 'artifact' : saysWhatItIs({ operator, operands }) ? 'content' : 'other');
    } else if (operator === 'EMC') stack.pop();
    else if (operator === 'Do' && tagged.has(operands[0] ?? '')) places.push({ operator, marks: [...stack, 'content'] });
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

/** The form XObjects of a page's resources that hold tagged content (they have StructParents), by name with its slash. */
export function taggedXObjects(page: PDFDict): Map<string, PDFStream> {
  const found = new Map<string, PDFStream>();
  const resources = page.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [name, value] of resources?.entries() ?? []) {
    const stream = resources!.context.lookup(value);
    if (stream instanceof PDFStream && stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && stream.dict.has(PDFName.of('StructParents'))) {
      found.set(name.asString(), stream);
    }
  }
  return found;
}

/** The decoded bytes of a stream. */
export function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}
