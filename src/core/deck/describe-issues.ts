import * as z from 'zod';
import { closestMatch } from './closest.js';
import { formatPath, type DeckPath, type Finding } from './finding.js';
import { slugify } from './slug.js';
import { placeOf, placeOfKey, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

const DATE_EXAMPLE = 'a date like 2026-03-05 or 2026-03-05T14:00';

/**
 * Rewords the schema's issues for people and places each one in the file: a wrong value at its
 * key, a missing key at the entry that lacks it, an unknown key at the key itself.
 */
export function describeIssues(issues: readonly Issue[], data: unknown, schema: z.ZodType, src: YamlSource): Finding[] {
  const out: Draft[] = [];
  for (const issue of issues) describeIssue(issue, [], data, schema, src, out);
  // "unknown key "anwser" — did you mean "answer"?" already says what `missing "answer"` would.
  const guessed = new Set(out.flatMap((f) => (f.guess ? [`${f.path}\0${f.guess}`] : [])));
  return out
    .filter((f) => !(f.missing && guessed.has(`${f.path}\0${f.missing}`)))
    .map(({ guess: _guess, missing: _missing, ...finding }) => finding);
}

/** A finding with what the typo filter needs to know. */
type Draft = Finding & { guess?: string; missing?: string };

function describeIssue(issue: Issue, prefix: DeckPath, data: unknown, schema: z.ZodType, src: YamlSource, out: Draft[]): void {
  const path: DeckPath = [...prefix, ...issue.path.filter((s): s is string | number => typeof s !== 'symbol')];
  const value = valueAt(data, path);
  const at = (p: DeckPath, message: string): void => {
    out.push({ ...placeOf(src, p), path: formatPath(p), message, severity: 'error' });
  };
  const key = path.at(-1);

  switch (issue.code) {
    case 'invalid_type': {
      const parent = path.slice(0, -1);
      if (value === undefined && typeof key === 'string' && isMapping(valueAt(data, parent))) {
        out.push({ ...placeOf(src, parent), path: formatPath(parent), message: `missing "${key}"`, severity: 'error', missing: key });
        return;
      }
      if (issue.expected === 'number' && typeof value === 'number') {
        at(path, `must be a finite number, got ${value}`);
        return;
      }
      const wanted = key === 'interview' ? DATE_EXAMPLE : expectedName(issue.expected);
      const hint = issue.expected === 'string' && key !== 'interview' && (typeof value === 'number' || typeof value === 'boolean') ? ': put it in quotes' : '';
      at(path, `expected ${wanted}, got ${describeValue(value)}${hint}`);
      return;
    }
    case 'too_small': {
      const got = typeof value === 'number' ? String(value) : describeValue(value);
      if (issue.origin === 'string' || issue.origin === 'array') at(path, 'must not be empty');
      else if (issue.minimum === 0 && !issue.inclusive) at(path, `must be a positive number, got ${got}`);
      else at(path, `must be at least ${issue.minimum}, got ${got}`);
      return;
    }
    case 'invalid_format':
      at(path, formatMessage(key, value));
      return;
    case 'invalid_key':
      // The one mapping with free keys is `aliases`: a blank word there can stand for nothing.
      at(path, 'the word on the left must not be empty');
      return;
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path) ?? [];
      for (const unknown of issue.keys) {
        const guess = closestMatch(unknown, allowed);
        const tail = guess ? ` — did you mean "${guess}"?` : allowed.length ? ` (expected one of: ${allowed.join(', ')})` : '';
        out.push({ ...placeOfKey(src, path, unknown), path: formatPath(path), message: `unknown key "${unknown}"${tail}`, severity: 'error', ...(guess ? { guess } : {}) });
      }
      return;
    }
    case 'invalid_union': {
      // Report the option whose type fits the value (a mapping for a mapping), if one does.
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1 && fitting[0]) {
        for (const sub of fitting[0]) describeIssue(sub, path, data, schema, src, out);
        return;
      }
      const kinds = issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0));
      const names = [...new Set(kinds.map((i) => (i.code === 'invalid_type' ? expectedName(i.expected) : '')))];
      at(path, names.length ? `expected ${names.join(' or ')}, got ${describeValue(value)}` : issue.message);
      return;
    }
    default:
      at(path, issue.message);
  }
}

function formatMessage(key: string | number | undefined, value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value.trim()) : describeValue(value);
  if (key === 'interview') return `expected ${DATE_EXAMPLE}, got ${shown}`;
  if (key === 'id' && typeof value === 'string') {
    const suggestion = slugify(value);
    const eg = suggestion ? `, e.g. "${suggestion}"` : '';
    return `invalid id ${shown}: use lowercase letters and digits in words joined by single hyphens${eg}`;
  }
  return `${shown} is not in the expected format`;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'boolean':
      return 'true/false';
    case 'null':
      return 'nothing';
    default:
      return expected;
  }
}

/** Names a value's type the way a deck author thinks of it, with short values shown. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value)) return 'binary data';
  switch (typeof value) {
    case 'string':
      return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)})`;
    case 'number':
      return Number.isFinite(value) ? `a number (${value})` : 'a number that is not finite';
    case 'boolean':
      return `true/false (${value})`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: DeckPath): unknown {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isMapping(v) && Object.hasOwn(v, seg)) v = v[seg];
    else return undefined;
  }
  return v;
}

/** The keys the schema allows for the mapping at `path`, read from the schema itself. */
function allowedKeys(schema: z.ZodType, path: DeckPath): string[] | undefined {
  let s: unknown = schema;
  for (const seg of path) {
    s = toObjectish(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, unknown>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element;
    else return undefined;
  }
  s = toObjectish(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

// Sees through optional wrappers, and picks the mapping option of a union.
function toObjectish(s: unknown): unknown {
  let cur = s;
  while (cur instanceof z.ZodOptional) cur = cur.unwrap();
  if (cur instanceof z.ZodUnion) cur = (cur.options as unknown[]).find((o) => o instanceof z.ZodObject);
  return cur;
}
