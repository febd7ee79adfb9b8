// The numbers of a text, read in the text's language: "2,000,000", "2 000 000" and "2 millions"
// are all 2,000,000; "1,5" is 1.5 in French; "38 %" is a percentage. Each number keeps the range
// that its written precision covers, and the qualifier before it ("plus de", "about").
import { isDate } from './dates-around.js';
import { type NumberWords, numberWords, type Qualifier } from './number-words.js';

export type { Qualifier };

/** A number as written in a text. */
export type NumberMention = Readonly<{
  /** Where it is in the text, from its first digit (or sign) to the end of its scale word or percent sign. */
  start: number;
  end: number;
  /** As written, qualifier left out: "5 millions", "38 %". */
  text: string;
  value: number;
  /** What its written precision covers: "5 millions" 4.5–5.5 million, "2,000,000" exactly. */
  low: number;
  high: number;
  percent: boolean;
  qualifier: Qualifier | undefined;
  /** The number with its qualifier, as written: "plus de 5 millions". */
  said: string;
  /** Why the number is no quantity to check (a year, a date, an ordinal…); undefined for a quantity. */
  not?: 'year' | 'date' | 'time' | 'ordinal' | 'points' | 'unreadable';
}>;

// A sign, digits grouped by commas, dots or spaces (no-break ones too), and decimals.
const NUMBER = /(?<![\p{L}\p{N}_\-−/.,:])([-−]?)(\d{1,3}(?:(?:[,.]|[ \u00a0\u202f\u2009])\d{3})+|\d+)(?:([.,])(\d+))?(?![\p{N}])/gu;

/** What reading a language's numbers needs, made once a language: its separators and its words as patterns. */
type Reader = Readonly<{
  words: NumberWords;
  separators: Separators;
  /** A percent, points or scale word right after the number. */
  wordAfter: RegExp;
  /** A qualifier that ends the text before the number. */
  qualifierBefore: RegExp;
  qualifierOf: ReadonlyMap<string, Qualifier>;
}>;

const readers = new Map<string, Reader>();

function reader(lang: string): Reader {
  let found = readers.get(lang);
  if (!found) {
    const words = numberWords(lang);
    const alternation = (list: readonly string[]) =>
      [...list]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    const qualifierOf = new Map<string, Qualifier>();
    for (const [qualifier, list] of Object.entries(words.qualifiers) as [Qualifier, readonly string[]][])
      for (const word of list) qualifierOf.set(word, qualifier);
    found = {
      words,
      separators: localeSeparators(lang),
      wordAfter: new RegExp(`^[ \\u00a0\\u202f]?(${alternation([...words.percent, ...words.points, ...Object.keys(words.scales)])})(?![\\p{L}\\p{N}])`, 'iu'),
      qualifierBefore: new RegExp(`(?<![\\p{L}])(${alternation([...qualifierOf.keys()])})[ \\u00a0\\u202f]*$`, 'iu'),
      qualifierOf,
    };
    readers.set(lang, found);
  }
  return found;
}

/** Every number of `text`, read in language `lang`. */
export function readNumbers(text: string, lang: string): NumberMention[] {
  const { words, separators, wordAfter, qualifierBefore, qualifierOf } = reader(lang);
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, sign = '', integer = '', decimalMark, decimals] = match;
    const start = match.index;
    let end = start + whole.length;
    const parsed = parseDigits(integer, decimalMark, decimals, separators);
    // The words on either side: a scale, a percent sign, a qualifier, a month.
    const after = text.slice(end, end + 40);
    const before = text.slice(Math.max(0, start - 60), start);
    let not: NumberMention['not'];
    if (!parsed) not = 'unreadable';
    let { value = 0, step = 1 } = parsed ?? {};
    if (sign) value = -value;

    // What follows: a percent sign or word, a scale word, a letter that makes it an ordinal.
    let percent = false;
    const percentSign = /^[ \u00a0\u202f]?%/.exec(after);
    const found = wordAfter.exec(after);
    const word = found ? { word: found[1]!.toLowerCase(), length: found[0].length } : undefined;
    if (percentSign) {
      percent = true;
      end += percentSign[0].length;
    } else if (word && words.points.includes(word.word)) {
      not = 'points';
      end += word.length;
    } else if (word && words.percent.includes(word.word)) {
      percent = true;
      end += word.length;
    } else if (word) {
      const factor = words.scales[word.word]!;
      value *= factor;
      step *= factor;
      end += word.length;
    } else if (attached(after, words)) {
      const { factor, length } = attached(after, words)!;
      value *= factor;
      step *= factor;
      end += length;
    } else if (/^\p{L}/u.test(after) || /^(?:ᵉ|º|ª)/u.test(after)) {
      not = 'ordinal';
    }
    // A year, a date, a time of day.
    if (!not) {
      if (/^\s?[:h]\s?\d{2}\b/.test(after) || /\d\s?[:h]\s?$/.test(before)) not = 'time';
      else if (isDate(before, after, lang)) not = 'date';
      else if (!percent && !word && !decimalMark && /^\d{4}$/.test(integer) && value >= 1000 && value <= 2100) not = 'year';
    }
    const qualifying = qualifierBefore.exec(before);
    const qualified = qualifying && { qualifier: qualifierOf.get(qualifying[1]!.toLowerCase())!, written: qualifying[0] };
    mentions.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      low: value - step / 2,
      high: value + step / 2,
      percent,
      qualifier: qualified?.qualifier,
      said: `${qualified?.written ?? ''}${text.slice(start, end)}`,
      ...(not ? { not } : {}),
    });
  }
  return mentions;
}

type Separators = Readonly<{ decimal: string; group: string }>;

/**
 * The digits' value and the step of their last digit; undefined when they cannot be read with
 * certainty. Digits grouped by threes with spaces, or with commas, are thousands ("300,000" in a
 * French text too: a decimal of exactly three digits is rarer in prose than an English habit).
 * Grouped with dots, they are thousands where the language groups so ("1.250" in German), and a
 * decimal where the dot is its decimal mark ("3.685" in English). After the digits, a comma or a
 * dot that is not the group mark is the decimal mark: the language's, or the one the group mark
 * leaves ("1,234.5").
 */
function parseDigits(
  integer: string,
  mark: string | undefined,
  decimals: string | undefined,
  separators: Separators,
): { value: number; step: number } | undefined {
  const groupMarks = [...new Set(integer.replace(/\d/g, ''))];
  if (groupMarks.length > 1) return undefined;
  const [group] = groupMarks;
  let whole = integer.replace(/\D/g, '');
  let fraction = decimals ?? '';
  if (group === '.' && separators.group !== '.') {
    // "3.685": a decimal where the dot is the decimal mark, else not to be guessed.
    if (separators.decimal !== '.' || mark || integer.split('.').length > 2) return undefined;
    [whole, fraction] = integer.split('.') as [string, string];
  } else if (mark) {
    const isDecimal = group ? mark !== group : mark === separators.decimal || (mark === '.' && decimals!.length !== 3);
    if (!isDecimal) return undefined;
  }
  const value = Number(`${whole}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, step: 10 ** -fraction.length } : undefined;
}

function localeSeparators(lang: string): Separators {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(12345.6);
  }
  return { decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.', group: parts.find((part) => part.type === 'group')?.value ?? ',' };
}

/** A scale abbreviation written against the digits, as in "5m", "€3bn" or "20k". */
function attached(after: string, words: NumberWords): { factor: number; length: number } | undefined {
  const match = /^(\p{L}{1,3})(?![\p{L}\p{N}])/u.exec(after);
  const factor = match ? words.attached[match[1]!.toLowerCase()] : undefined;
  return factor ? { factor, length: match![0].length } : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
