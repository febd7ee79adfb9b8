// vega-lite's JSON schema, and the marks and channels it lists, read once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A mistake in a chart's spec, at an offset into the fence's body. */
export type SpecProblem = Readonly<{ reason: string; offset: number }>;

export type Schema = { definitions: { Mark: { enum: string[] }; FacetedEncoding: { properties: Record<string, unknown> } } };
type Vocabulary = { marks: Set<string>; channels: Set<string> };
let schema: Schema | undefined;
let vocabulary: Vocabulary | undefined;

/** The JSON schema that vega-lite ships, read once per process. */
export function loadSchema(): Schema {
  schema ??= JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as Schema;
  return schema;
}

/** Marks and encoding channels, as the schema lists them. */
export function loadVocabulary(): Vocabulary {
  if (!vocabulary) {
    const schema = loadSchema();
    vocabulary = {
      marks: new Set([...schema.definitions.Mark.enum, 'boxplot', 'errorbar', 'errorband']),
      channels: new Set(Object.keys(schema.definitions.FacetedEncoding.properties)),
    };
  }
  return vocabulary;
}
