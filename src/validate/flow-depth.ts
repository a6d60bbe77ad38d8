// How deep a text's flow collections ([ ] and { }) nest, found by a scan of the characters
// before yaml reads the text. yaml's composer recurses once per level of flow nesting, and
// some thousands of levels down V8 has ended the whole process while compiling one of
// yaml's regular expressions (a fatal "out of memory", not an exception: seen at 20,000
// levels, after a file with a lone CR had run that expression once). yaml-source.ts gives
// yaml only the text before the bracket that opens level FLOW_CUT. Pure.
//
// The scan follows YAML only as far as it must to count brackets: quoted scalars and
// comments are skipped, and outside a flow collection a bracket counts only where a value
// starts (after `key:`, `-`, `?`, or at the start of a line), not inside a plain scalar
// such as `a[1]`. A bracket in a block scalar (`|`, `>`) may still be counted; the caller
// reads the whole text when the cut finds nothing too deep.

/** Flow levels beyond any plan file (MAX_DEPTH is 64) and far short of the thousands that fail. */
export const FLOW_CUT = 1_000;

/** Where flow nesting reaches `limit` levels. */
export interface DeepFlow {
  /** Offset of the bracket that opens level `limit`. */
  cut: number;
  /** Offset of the outermost bracket of that chain (level 1). */
  start: number;
}

/** The first place where flow collections nest `limit` levels deep, or undefined. */
export function deepFlow(text: string, limit: number = FLOW_CUT): DeepFlow | undefined {
  // A quick way out for the common file: fewer opening brackets than the limit.
  let opening = 0;
  for (let i = text.indexOf('[') ; i >= 0 && opening < limit; i = text.indexOf('[', i + 1)) opening++;
  for (let i = text.indexOf('{'); i >= 0 && opening < limit; i = text.indexOf('{', i + 1)) opening++;
  if (opening < limit) return undefined;

  let depth = 0;
  let start = 0;
  // Whether a value may start here in block context: at a line's start, or after `:`, `-`, `?`.
  let valueStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      valueStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    const afterSpace = i === 0 || /\s/.test(text[i - 1]!);
    if (c === '#' && afterSpace) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (depth > 0 || valueStart)) {
      i = quotedEnd(text, i);
      valueStart = false;
      continue;
    }
    if ((c === '[' || c === '{') && (depth > 0 || valueStart)) {
      if (depth === 0) start = i;
      depth++;
      if (depth >= limit) return { cut: i, start };
      continue;
    }
    if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      valueStart = false;
      continue;
    }
    if (depth === 0) valueStart = (c === ':' || c === '-' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]!));
  }
  return undefined;
}

// The offset of the quote that closes the quoted scalar opened at `open` (the text's end when none).
function quotedEnd(text: string, open: number): number {
  const q = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return text.length;
}
