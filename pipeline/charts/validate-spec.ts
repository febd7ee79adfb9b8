// A spec checked against vega-lite's JSON schema, the mistake given where the author made it.
import { type OutputUnit, Validator } from '@cfworker/json-schema';
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import { nearMiss } from '../problems/near-miss.js';
import { loadSchema, type SpecProblem } from './vega-lite-schema.js';

let validator: Validator | undefined;

/**
 * Checks a spec against vega-lite's JSON schema. A spec that breaks it would make vega-lite
 * throw about its own internals, or quietly ignore a misspelt property. The schema says a
 * spec may be any of several shapes, so a validator reports a mistake once per shape; the
 * one given is the deepest (the shape the author meant got furthest), as editors do.
 */
export function validateSpec(body: string, spec: unknown): SpecProblem | undefined {
  validator ??= new Validator(loadSchema() as never, '7', false);
  const { valid, errors } = validator.validate(spec);
  if (valid) return undefined;
  const tree = parseTree(body);
  // 'unknown': a property no form of this object has; 'beside': one that another form has, in a
  // form whose required properties are all there (`height` beside `hconcat`); 'mix': properties
  // each known to some form of it, but to no single one.
  type Candidate = { error: OutputUnit; path: (string | number)[]; kind: 'unknown' | 'beside' | 'mix' | 'value' };
  const candidates = errors.flatMap((error, index): Candidate[] => {
    const path = pointerToPath(error.instanceLocation);
    if (error.keyword === 'additionalProperties') {
      const key = pointerToPath(errors[index + 1]?.instanceLocation ?? '').at(-1);
      if (key === undefined) return [];
      const knownElsewhere = errors.some(
        (other) =>
          other.instanceLocation === error.instanceLocation && Object.hasOwn(schemaAt(other.keywordLocation.replace(/\/[^/]+$/, ''))?.properties ?? {}, key),
      );
      const form = error.keywordLocation.replace(/\/additionalProperties$/, '');
      // A form that requires properties, all there: the form the author meant.
      const complete =
        (schemaAt(form)?.required?.length ?? 0) > 0 &&
        !errors.some(
          (other) => other.keyword === 'required' && other.instanceLocation === error.instanceLocation && other.keywordLocation.startsWith(`${form}/`),
        );
      return [{ error, path: [...path, key], kind: knownElsewhere ? (complete ? 'beside' : 'mix') : 'unknown' }];
    }
    return EXPLAINED.has(error.keyword) ? [{ error, path, kind: 'value' }] : [];
  });
  // Deepest first (the form the author meant got furthest); a mix counts at the depth of its
  // object and after any real mistake as deep; the sort is stable, so among equals the first form the schema lists wins.
  const depth = (candidate: Candidate) => candidate.path.length - Number(candidate.kind === 'mix');
  const best = candidates.sort((a, b) => depth(b) - depth(a) || Number(a.kind === 'mix') - Number(b.kind === 'mix'))[0];
  if (!best) return { reason: `does not follow the vega-lite schema: ${errors.at(-1)?.error ?? 'invalid spec'}`, offset: 0 };
  if (best.kind !== 'value') {
    const objectPath = best.path.slice(0, -1);
    const where = formatPath(objectPath);
    const key = String(best.path.at(-1));
    const form = schemaAt(best.error.keywordLocation.replace(/\/additionalProperties$/, ''));
    if (best.kind === 'beside') {
      return {
        reason: `${where}: "${key}" cannot be set beside ${listOf(
          (form?.required ?? []).map((name) => `"${name}"`),
          'and',
        )}`,
        offset: offsetOf(tree, best.path, true),
      };
    }
    if (best.kind === 'mix') {
      const keys = Object.keys(valueAt(spec, objectPath) as object).map((name) => `"${name}"`);
      return { reason: `${where}: vega-lite has no form of it that takes ${listOf(keys, 'and')} together`, offset: offsetOf(tree, objectPath, false) };
    }
    const allowed = new Set(Object.keys(form?.properties ?? {}));
    return { reason: `unknown property "${key}" in ${where}${nearMiss(key, allowed)}`, offset: offsetOf(tree, best.path, true) };
  }
  const where = formatPath(best.path);
  const value = valueAt(spec, best.path);
  const offset = offsetOf(tree, best.path, false);
  if (best.error.keyword === 'required') {
    return { reason: `${where}: ${best.error.error.replace(/^Instance does not have required property/, 'missing the property').replace(/\.$/, '')}`, offset };
  }
  if (best.error.keyword === 'enum' || best.error.keyword === 'const' || best.error.keyword === 'type') {
    // Every shape the value could have taken at this place, from all branches.
    const here = candidates.filter((candidate) => candidate.error.instanceLocation === best.error.instanceLocation && candidate.kind === 'value');
    const choices = [...new Set(here.flatMap(({ error }) => expectations(error)))];
    const words = choices.filter((choice) => choice.startsWith('"')).map((choice) => choice.slice(1, -1));
    const hint = typeof value === 'string' && words.length > 0 ? nearMiss(value, new Set(words)) : '';
    return { reason: `${where}: ${describeValue(value)} is not allowed here${hint || `: use ${listOf(choices)}`}`, offset };
  }
  return { reason: `${where}: ${best.error.error.replace(/^Instance/, describeValue(value)).replace(/\.$/, '')}`, offset };
}

const EXPLAINED = new Set([
  'enum',
  'const',
  'type',
  'required',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minLength',
  'pattern',
]);

/** What an enum, const or type error would have accepted, as words for a reader. */
function expectations(error: OutputUnit): string[] {
  const schemaNode = schemaAt(error.keywordLocation.replace(/\/(enum|const|type)$/, '')) as
    | { enum?: unknown[]; const?: unknown; type?: string | string[] }
    | undefined;
  if (!schemaNode) return [];
  if (error.keyword === 'enum') return (schemaNode.enum ?? []).map((value) => JSON.stringify(value));
  if (error.keyword === 'const') return [JSON.stringify(schemaNode.const)];
  const types = Array.isArray(schemaNode.type) ? schemaNode.type : [schemaNode.type ?? 'value'];
  return types.map((type) => (type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`));
}

/** The schema node that a validator's keyword location points at, following each $ref. */
function schemaAt(location: string): { properties?: Record<string, unknown>; required?: string[] } | undefined {
  let node: unknown = loadSchema();
  for (const segment of pointerToPath(location)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = segment === '$ref' ? definitionOf(String((node as { $ref: unknown }).$ref)) : (node as Record<string, unknown>)[segment];
  }
  return node as { properties?: Record<string, unknown>; required?: string[] } | undefined;
}

function definitionOf(ref: string): unknown {
  const name = decodeURIComponent(ref.replace(/^#\/definitions\//, ''));
  return (loadSchema().definitions as unknown as Record<string, unknown>)[name];
}

/** "#/encoding/x/type" → ["encoding", "x", "type"]; array indices become numbers. */
function pointerToPath(pointer: string): (string | number)[] {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURI(segment).replace(/%23/g, '#').replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** ["layer", 0, "encoding", "x"] → "layer[0].encoding.x". */
function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the spec';
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), value);
}

/** Where a path starts in the fence's body: the key of a property, else its value. */
function offsetOf(tree: Node | undefined, path: (string | number)[], key: boolean): number {
  if (!tree) return 0;
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (!node) continue;
    return (key && length === path.length ? node.parent?.children?.[0]?.offset : node.offset) ?? 0;
  }
  return 0;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function listOf(choices: readonly string[], conjunction = 'or'): string {
  const shown = choices.length > 12 ? [...choices.slice(0, 12), '…'] : choices;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)}` : (shown[0] ?? 'another value');
}
