// Updates and corrections after publication, listed in the front matter: each dated, from the
// oldest to the newest, none before the article itself.
import { z } from 'zod';

/** A date written YYYY-MM-DD (YAML may read it as a date). */
export const isoDate = z
  .union([z.string(), z.date().transform((date) => date.toISOString().slice(0, 10))])
  .refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** An entry of `updates:`: `kind: correction` when it corrects an error, else it adds news. */
export const updateEntry = z
  .object({
    date: isoDate,
    text: z.string().trim().min(1, 'must not be empty'),
    kind: z.enum(['update', 'correction']).default('update'),
  })
  .strict();

export type Update = Readonly<z.output<typeof updateEntry>>;

/** Every update at its place: after the article's date, and after the update above it. */
export function checkUpdates(data: { date: string; updates?: readonly Update[] | undefined }, context: z.RefinementCtx): void {
  for (const [index, update] of (data.updates ?? []).entries()) {
    const path = ['updates', index, 'date'];
    if (update.date < data.date) {
      context.addIssue({ code: 'custom', path, message: `is ${update.date}, before the article's own date (${data.date})` });
    }
    const previous = data.updates![index - 1];
    if (previous && update.date < previous.date) {
      context.addIssue({
        code: 'custom',
        path,
        message: `is ${update.date}, before the update above it (${previous.date}): list updates from the oldest to the newest`,
      });
    }
  }
}

/** The latest update, whose date the page, the PDF and the share images give as the article's last change. */
export function latestUpdate(updates: readonly Update[] | undefined): Update | undefined {
  return updates?.at(-1);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
