import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { formatPath, type DeckPath, type Finding } from './finding.js';

/**
 * Aliases one value may expand to before we refuse the file: far more than any real deck uses,
 * far fewer than a "billion laughs" bomb needs.
 */
export const MAX_ALIAS_COUNT = 100;

/** A line and column in the file, both 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** A parsed YAML file with what is needed to point back into it. */
export interface YamlSource {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The parser's errors and warnings, located and worded for people. */
  findings: Finding[];
  /** False when the YAML is broken enough that checking its content would only add noise. */
  usable: boolean;
}

const TOP: Place = { line: 1, column: 1 };

/** Parses deck text with the settings the deck format relies on (core schema: dates stay text). */
export function readYaml(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    // Problems are collected in doc.errors/warnings; nothing may be printed behind the UI's back.
    logLevel: 'error',
  });
  const src: YamlSource = { doc, lines, findings: [], usable: true };
  let tooDeep = false;
  let unexpected: Finding | undefined;
  let cascade = 0;
  for (const err of doc.errors) {
    // A repeated key leaves the rest of the file well formed, so its content is still checked.
    if (err.code !== 'DUPLICATE_KEY') src.usable = false;
    // One stray token makes the parser trip over every token after it: report the first only.
    if (err.code === 'UNEXPECTED_TOKEN' && unexpected) {
      cascade++;
      continue;
    }
    // Deep nesting overflows the parser at every level below the limit: say it once.
    if (/call stack/i.test(err.message)) {
      if (tooDeep) continue;
      tooDeep = true;
    }
    const finding: Finding = { ...placeAt(src, err.pos[0]), ...describeYamlError(src, err.code, err.message, err.pos[0]), severity: 'error' };
    if (err.code === 'UNEXPECTED_TOKEN') unexpected = finding;
    src.findings.push(finding);
  }
  if (unexpected && cascade > 0) {
    const rest = cascade === 1 ? 'the error after it follows' : `the ${cascade} errors after it follow`;
    unexpected.message += ` (the YAML breaks here; ${rest} from this one)`;
  }
  // The parser gave up where the stack ran out; with a bigger stack it may not have: refuse
  // depth by rule too, before anything else recurses over the value.
  const deep = tooDeep ? undefined : firstTooDeep(doc.contents);
  if (deep !== undefined) {
    src.usable = false;
    src.findings.push({ ...(rangePlace(src, deep) ?? TOP), path: '', message: 'the YAML is nested too deeply to read', severity: 'error' });
  }
  for (const warn of doc.warnings) {
    src.findings.push({ ...placeAt(src, warn.pos[0]), path: '', message: oneLine(warn.message), severity: 'warning' });
  }
  return src;
}

/** Levels of nesting allowed: a deck needs four (questions[0].points[1]); far more is an attack. */
export const MAX_DEPTH = 64;

/** The first node nested deeper than {@link MAX_DEPTH}, found without recursion. */
function firstTooDeep(root: unknown): unknown {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > MAX_DEPTH) return node;
    if (isMap(node)) for (const pair of node.items) stack.push({ node: pair.value, depth: depth + 1 }, { node: pair.key, depth: depth + 1 });
    else if (isSeq(node)) for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
  }
  return undefined;
}

/** The first alias (`*name`) that no earlier anchor (`&name`) defines, and where it is written. */
export function findUnresolvedAlias(src: YamlSource): { name: string; place: Place } | undefined {
  let found: { name: string; place: Place } | undefined;
  visit(src.doc, {
    Alias(_key, node) {
      if (node.resolve(src.doc) !== undefined) return undefined;
      found = { name: node.source, place: rangePlace(src, node) ?? TOP };
      return visit.BREAK;
    },
  });
  return found;
}

/** Turns the YAML value into plain data, refusing alias bombs (throws `ReferenceError` on one). */
export function toData(src: YamlSource): unknown {
  return src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * Where the value at `path` is named in the file: the key of a mapping entry, or the start of a
 * list item. Stops at the deepest part of the path the file has; the deck as a whole is 1:1.
 */
export function placeOf(src: YamlSource, path: DeckPath): Place {
  let node: unknown = src.doc.contents;
  let place = TOP;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = findPair(node, seg);
      if (!pair) break;
      place = rangePlace(src, pair.key) ?? place;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      const item = node.items[seg];
      place = rangePlace(src, item) ?? place;
      node = item;
    } else {
      // A scalar, or an alias: its target lives elsewhere in the file, so stay here.
      break;
    }
  }
  return place;
}

/** Where `key` is written inside the mapping at `path` (for unknown keys); else where the mapping is. */
export function placeOfKey(src: YamlSource, path: DeckPath, key: string): Place {
  const map = nodeAt(src, path);
  const pair = isMap(map) ? findPair(map, key, 'first') : undefined;
  return rangePlace(src, pair?.key) ?? placeOf(src, path);
}

function nodeAt(src: YamlSource, path: DeckPath): unknown {
  let node: unknown = src.doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = findPair(node, seg)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return node;
}

// With repeated keys the last one wins in the data, so the last one is what the data came from.
function findPair(map: YAMLMap, key: string | number, which: 'first' | 'last' = 'last'): Pair | undefined {
  const matches = map.items.filter((p) => keyText(p.key) === String(key));
  return which === 'first' ? matches[0] : matches.at(-1);
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangePlace(src: YamlSource, node: unknown): Place | undefined {
  const start = rangeStart(node);
  return start === undefined ? undefined : placeAt(src, start);
}

function placeAt(src: YamlSource, offset: number): Place {
  const { line, col } = src.lines.linePos(offset);
  return line > 0 ? { line, column: col } : TOP;
}

function describeYamlError(src: YamlSource, code: string, message: string, offset: number): { path: string; message: string } {
  if (code === 'DUPLICATE_KEY') {
    const dup = findKeyAt(src, offset);
    if (dup) {
      return { path: formatPath(dup.path), message: `duplicate key "${dup.key}" (first used on line ${dup.firstLine})` };
    }
  }
  if (code === 'MULTIPLE_DOCS') {
    return { path: '', message: 'a deck file holds one YAML document, but a second one starts here' };
  }
  if (code === 'TAB_AS_INDENT') {
    return { path: '', message: 'tabs are not allowed as indentation in YAML: indent with spaces' };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    // Almost always an unquoted value with ": " inside it, like `question: Why us: really?`.
    return { path: '', message: `${oneLine(message)}: put text that contains ": " in quotes` };
  }
  if (/call stack/i.test(message)) {
    return { path: '', message: 'the YAML is nested too deeply to read' };
  }
  return { path: '', message: oneLine(message) };
}

/** Finds the repeated key written at `offset`: its name, the path of its mapping, the first one's line. */
function findKeyAt(src: YamlSource, offset: number): { key: string; path: DeckPath; firstLine: number } | undefined {
  const stack: { node: unknown; path: DeckPath }[] = [{ node: src.doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: DeckPath };
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key !== undefined && rangeStart(pair.key) === offset) {
          const first = findPair(node, key, 'first');
          return { key, path, firstLine: rangePlace(src, first?.key)?.line ?? 1 };
        }
        stack.push({ node: pair.value, path: key === undefined ? path : [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: unknown } | null | undefined)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/** The parser's message on one short line, without its trailing colon. */
function oneLine(message: string): string {
  const first = (message.split('\n')[0] ?? '').trim().replace(/:$/, '');
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}
