// An article's updates and corrections as its page, its PDF and its share images show them: a
// line under the date that links to the list at the end of the article, the list itself, and the
// date of the latest change.
import type { FrontMatter } from '../article/read-front-matter.js';
import { latestUpdate } from '../article/updates.js';
import { formatDate } from '../language/localize.js';
import { typesetString } from '../language/typeset-text.js';
import { updateWords } from '../language/update-words.js';

export type UpdatesView = Readonly<{
  /** "Mis à jour le 25 novembre 2026" (or "Corrigé le …" when the latest entry is a correction). */
  updateLine: string;
  /** The latest change's date, YYYY-MM-DD. */
  modified: string;
  updatesHeading: string;
  updates: readonly Readonly<{ date: string; dateText: string; kindLabel: string; text: string }>[];
}>;

/** The view of `meta.updates`; undefined for an article never updated. */
export function updatesView(meta: FrontMatter): UpdatesView | undefined {
  const latest = latestUpdate(meta.updates);
  if (!latest) return undefined;
  const words = updateWords(meta.lang);
  const line = latest.kind === 'correction' ? words.corrected : words.updated;
  return {
    updateLine: line.replace('{date}', formatDate(latest.date, meta.lang)),
    modified: latest.date,
    updatesHeading: words.heading,
    updates: (meta.updates ?? []).map((update) => ({
      date: update.date,
      dateText: formatDate(update.date, meta.lang),
      kindLabel: update.kind === 'correction' ? words.correction : words.update,
      text: typesetString(update.text, meta.lang),
    })),
  };
}
