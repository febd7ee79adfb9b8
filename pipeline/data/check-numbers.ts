// Every number of the article's text checked against its data: verified where a row its sentence
// names, or an aggregate of a data file, agrees with it within the precision it is written with;
// contradicted where the one row its sentence names (or the total it speaks of) disagrees;
// unchecked otherwise. Numbers are never changed, only checked.
import type { TextUnit } from '../article/text-units.js';
import { numberWords } from '../language/number-words.js';
import { type NumberMention, readNumbers } from '../language/read-numbers.js';
import { agrees, formatFigure, sameMagnitude } from './number-agreement.js';
import type { Figure, NumberSources } from './number-sources.js';

export type { DataTable } from './number-sources.js';

export type CheckedNumber = Readonly<{
  mention: NumberMention;
  status: 'verified' | 'contradicted' | 'unchecked';
  /** Where the number is in article.md. */
  place: Readonly<{ line: number; column: number }>;
  /** Its offset in article.md, for a number of the body (the page marks verified ones up). */
  offset: number | undefined;
  /** What verified it ("data/users.csv:3 (users)"), or why it is contradicted or unchecked. */
  note: string;
}>;

/** Checks every number of `units` against `sources` (the data files the article uses). */
export function checkNumbers(units: readonly TextUnit[], sources: NumberSources, lang: string): CheckedNumber[] {
  const { totals } = numberWords(lang);
  const total = new RegExp(`(?<![\\p{L}])(?:${totals.join('|')})(?![\\p{L}])`, 'iu');
  const checked: CheckedNumber[] = [];
  for (const unit of units) {
    const mentions = readNumbers(unit.text, lang);
    if (mentions.length === 0) continue;
    const named = sources.named(unit.text);
    for (const mention of mentions) {
      const ofTotal = speaksOfTotal(unit.text, mention, total);
      const verdict = unit.exempt
        ? { status: 'unchecked' as const, note: 'marked <!-- unchecked -->' }
        : judge(mention, named, ofTotal, sources, unit.tableRow === true);
      checked.push({ mention, ...verdict, place: unit.placeOf(mention.start), offset: unit.offsetOf?.(mention.start) });
    }
  }
  return checked;
}

type Verdict = Pick<CheckedNumber, 'status' | 'note'>;

function judge(mention: NumberMention, named: ReturnType<NumberSources['named']>, total: boolean, sources: NumberSources, tableRow: boolean): Verdict {
  if (mention.not) return { status: 'unchecked', note: `a ${mention.not === 'points' ? 'difference in points' : mention.not}` };
  // 1. A value of a row the sentence names.
  const rowFigures = named.flatMap((row) => row.figures(mention.percent));
  const fromRow = rowFigures.find((figure) => agrees(mention, figure.value));
  if (fromRow) return { status: 'verified', note: fromRow.source };
  // 2. An aggregate of a file: a sum, count, mean (and, where no row is named, a minimum, a maximum or a row's share).
  const aggregate = sources.aggregates(mention, named.length === 0 && !tableRow, !tableRow);
  if (aggregate) return { status: 'verified', note: aggregate.source };
  // 3. The one row named, whose values have the number's magnitude, says otherwise.
  const single = named.filter((row) => row.only);
  const near = single.flatMap((row) => row.figures(mention.percent).filter((figure) => sameMagnitude(mention.value, figure.value)));
  const closest = nearest(mention, near);
  if (closest) return { status: 'contradicted', note: contradiction(mention, closest, `for "${closest.name}"`) };
  // 4. A sentence of a total: the sums of the same magnitude say otherwise.
  if (total && !mention.percent) {
    const sum = nearest(
      mention,
      sources.sums().filter((figure) => sameMagnitude(mention.value, figure.value)),
    );
    if (sum) return { status: 'contradicted', note: contradiction(mention, sum, 'as a total') };
  }
  return { status: 'unchecked', note: named.length > 0 ? 'no value of the rows it names agrees' : 'no data behind it' };
}

/** Whether a word of a total stands just before the number ("in total, 3,685", "a total of") or just after it ("5 million in all"). */
function speaksOfTotal(text: string, mention: NumberMention, total: RegExp): boolean {
  const before = text.slice(Math.max(0, mention.start - 30), mention.start);
  const after = text.slice(mention.end, mention.end + 30).split(/[,.;:]/)[0] ?? '';
  return total.test(before) || total.test(after);
}

function nearest(mention: NumberMention, figures: readonly Figure[]): Figure | undefined {
  const distance = (figure: Figure) => Math.abs(figure.value - mention.value);
  return [...figures].sort((a, b) => distance(a) - distance(b))[0];
}

function contradiction(mention: NumberMention, figure: Figure, what: string): string {
  return `"${mention.said}" ${what}, but ${figure.source} says ${formatFigure(figure)}`;
}

/** How many numbers of the text the data verified: "numbers: 14 verified against the data, 0 contradicted, 3 unchecked". */
export function summarizeNumbers(numbers: readonly Pick<CheckedNumber, 'status'>[]): string {
  const count = (status: CheckedNumber['status']) => numbers.filter((number) => number.status === status).length;
  return `numbers: ${count('verified')} verified against the data, ${count('contradicted')} contradicted, ${count('unchecked')} unchecked`;
}
