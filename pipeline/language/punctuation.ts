// Quotes, apostrophes, dashes and minus signs as each language sets them: curly quotes by Typograf,
// the rest by a few rules of our own.
import typografModule from 'typograf';

type TypografClass = typeof typografModule.default;
type Typograf = InstanceType<TypografClass>;
/** Typograf's types describe its CommonJS build; its ES build, the one loaded, exports the class itself. */
const Typograf = ((typografModule as unknown as { default?: TypografClass }).default ?? typografModule) as TypografClass;

const NBSP = '\u00a0';
const typografs = new Map<string, Typograf>();

/**
 * Typograf with only its quote rule: its other rules follow Russian conventions, and its
 * apostrophes (between two letters) are set by curlRest, which knows every alphabet.
 */
function typograf(locale: string): Typograf {
  let instance = typografs.get(locale);
  if (!instance) {
    instance = new Typograf({ locale: [locale] });
    instance.disableRule('*');
    instance.enableRule('common/punctuation/quote');
    typografs.set(locale, instance);
  }
  return instance;
}

export type PunctuationStyle = Readonly<{
  /** Typograf's locale for the language's quotes: "…" in en-US, „…“ in de, «…» in fr. */
  quotes: string;
  /** The dash between clauses: a spaced en dash in most of Europe, a spaced em dash in American English. */
  dash: '–' | '—';
  /** Whether a percent sign is set apart from its number by a no-break space (10 % in German and French). */
  spacedPercent: boolean;
}>;

/**
 * Typographic punctuation in `style`: curly quotes and apostrophes, a spaced hyphen made a
 * dash (kept with the word before it), year ranges with an en dash (1990–2000, 2024–25), a
 * minus sign before a number or an amount (−5, −£12m), and the language's spacing of the
 * percent sign (a space written before it, in a language that writes none, never breaks a line).
 */
export function punctuate(text: string, style: PunctuationStyle): string {
  let result = /["']/.test(text) ? curlRest(typograf(style.quotes).execute(text), style.quotes) : text;
  result = result
    .replace(/ +- +/g, `${NBSP}${style.dash} `)
    .replace(/(?<![-\d/.])\b(1[5-9]\d\d|20\d\d)-(1[5-9]\d\d|20\d\d|\d\d)\b(?![-\d/])/g, '$1–$2')
    .replace(/(^|[\s(])-(?=[\d£$€¥₹])/g, '$1−');
  // A language that spaces its percent sign gets the space; in any other, a space written there
  // is kept, but no line may break at it.
  return style.spacedPercent ? result.replace(/(\d)[ \u202f]?%/g, `$1${NBSP}%`) : result.replace(/(\d) %/g, `$1${NBSP}%`);
}

/**
 * The straight quotes Typograf leaves: single quotes, which it does not handle, and quotes whose
 * pair lies in another piece of text (across an emphasis). A quote after a space or at the start,
 * before a word, opens; one between letters is an apostrophe; any other closes what is open, or
 * is an apostrophe ("residents' views"), as is one before a digit ("the '90s").
 */
function curlRest(text: string, locale: string): string {
  const { left, right } = Typograf.getData(`${locale}/quote`) as { left: string; right: string };
  const single = [...left].findIndex((mark) => '‘‚‹'.includes(mark));
  const marks = {
    "'": single >= 0 ? [left[single]!, right[single]!] : ['‘', '’'],
    '"': [left[0]!, right[0]!],
  } as Record<string, [string, string]>;
  let open = 0;
  return text.replace(/["']/g, (quote, at: number) => {
    const before = text[at - 1] ?? ' ';
    const after = text[at + 1] ?? ' ';
    if (quote === "'" && /[\p{L}\d]/u.test(before) && /\p{L}/u.test(after)) return '’';
    if (quote === "'" && /\d/.test(after)) return '’'; // an elision: the '90s, ('000)
    if (/[\s([{“„«‘‚—–-]/.test(before) && /[^\s]/.test(after)) {
      if (quote === "'") open++;
      return marks[quote]![0];
    }
    if (quote === '"' || open > 0) {
      if (quote === "'") open--;
      return marks[quote]![1];
    }
    return '’';
  });
}
