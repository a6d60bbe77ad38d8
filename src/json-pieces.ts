// JSON as `JSON.stringify(value, null, 2) + '\n'` writes it, made a piece at a time. The
// assessment of a 10,000-indicator plan is 75 MB of JSON: JSON.stringify builds it as one
// string of two bytes a character (its names are Chinese), twice over while it grows, before
// Buffer.from copies it again; that was the peak of a whole `report` run. Here the text never
// exists whole: pieces of about 64 KiB are handed on as they fill (written to standard output
// by `--json`, or encoded and written to assessment.json; output.ts writes a file in pieces).

/** Pieces of text are handed on once they hold this many UTF-16 units. */
const PIECE = 1 << 16;

/**
 * A value is written by one JSON.stringify call when it weighs less than this: a unit for each
 * value, key and element, and one for every 32 characters of a string. An indicator of the
 * assessment weighs a few hundred; the whole assessment, millions.
 */
const WHOLE = 4096;

// What is left of `budget` once `value` is weighed, or a negative number as soon as it runs
// out. A value with a toJSON of its own is never whole: JSON.stringify would call it with the
// key '' where the value's own key is due (toJSON below holds its key).
function weigh(value: unknown, budget: number): number {
  budget -= 1;
  if (typeof value === 'string') return budget - (value.length >> 5);
  if (typeof value !== 'object' || value === null) return budget;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  if (Array.isArray(value)) {
    if (value.length >= budget) return -1;
    for (let i = 0; i < value.length && budget >= 0; i++) budget = weigh(value[i], budget);
    return budget;
  }
  for (const k in value) {
    if (budget < 0) break;
    if (!Object.hasOwn(value, k)) continue;
    budget = weigh((value as Record<string, unknown>)[k], budget - 1 - (k.length >> 5));
  }
  return budget;
}

// What JSON.stringify serializes in place of a value found under `key`: its toJSON(key), once.
function toJson(key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
}

/**
 * The UTF-8 bytes of `JSON.stringify(value, null, 2) + '\n'`, byte for byte, in pieces of about
 * 64 KiB (writeJson).
 */
export function jsonPieces(value: unknown): Buffer[] {
  const chunks: Buffer[] = [];
  writeJson(value, (text) => chunks.push(Buffer.from(text, 'utf8')));
  return chunks;
}

/**
 * Hand `out` the text of `JSON.stringify(value, null, 2) + '\n'`, character for character
 * (toJSON, omitted properties, non-finite numbers as null, escapes), in pieces of about 64 Ki
 * UTF-16 units, each cut between two tokens (so each is whole UTF-16, and whole UTF-8 once
 * encoded). Throws where JSON.stringify throws (a BigInt); a cycle overflows the stack.
 */
export function writeJson(value: unknown, out: (text: string) => void): void {
  let parts: string[] = [];
  let size = 0;
  const put = (text: string): void => {
    parts.push(text);
    size += text.length;
    if (size >= PIECE) {
      out(parts.join(''));
      parts = [];
      size = 0;
    }
  };
  // Write a value (toJSON applied) at the given indentation; false when JSON.stringify would
  // leave it out (undefined, a function, a symbol).
  const write = (value: unknown, indent: string): boolean => {
    if (value === null) {
      put('null');
      return true;
    }
    switch (typeof value) {
      case 'string':
        put(JSON.stringify(value));
        return true;
      case 'number':
        put(Number.isFinite(value) ? String(value) : 'null');
        return true;
      case 'boolean':
        put(value ? 'true' : 'false');
        return true;
      case 'undefined':
      case 'function':
      case 'symbol':
        return false;
      case 'bigint': {
        // JSON.stringify's own TypeError, or what a BigInt.prototype.toJSON makes of it.
        const text = JSON.stringify(value) as string | undefined;
        if (text === undefined) return false;
        put(text);
        return true;
      }
      default:
        break;
    }
    if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      put(JSON.stringify(value));
      return true;
    }
    // A value that weighs little is written by JSON.stringify itself, indented to its place: no
    // string JSON.stringify writes holds a raw line break, so every line break starts a line.
    if (weigh(value, WHOLE) >= 0) {
      const text = JSON.stringify(value, null, 2);
      put(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
      return true;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        put('[]');
        return true;
      }
      put('[');
      for (let i = 0; i < value.length; i++) {
        put(i === 0 ? `\n${inner}` : `,\n${inner}`);
        if (!write(toJson(String(i), value[i]), inner)) put('null');
      }
      put(`\n${indent}]`);
      return true;
    }
    let first = true;
    for (const k of Object.keys(value)) {
      // Whether JSON.stringify leaves the property out is known once toJSON has run.
      const shown = toJson(k, (value as Record<string, unknown>)[k]);
      if (shown === undefined || typeof shown === 'function' || typeof shown === 'symbol') continue;
      put(first ? `{\n${inner}` : `,\n${inner}`);
      first = false;
      put(`${JSON.stringify(k)}: `);
      write(shown, inner);
    }
    put(first ? '{}' : `\n${indent}}`);
    return true;
  };

  if (!write(toJson('', value), '')) {
    out('undefined\n');
    return;
  }
  put('\n');
  out(parts.join(''));
}
