// Find characters in plan text that a reader cannot see but that change what the text
// is or how it shows: C0 and C1 control characters (tab and line feed excepted), bidi
// embeddings, overrides, isolates and marks, and zero-width characters. Pure. The rule
// `control-character` of rules.ts.

import { at, pointer, type Diagnostic, type Text } from '../diagnostic.js';
import type { PlanData } from '../model.js';

/** Characters reported, as one class: C0 but tab and LF, DEL and C1, and the invisible formats. */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x01: 'START OF HEADING', 0x02: 'START OF TEXT', 0x03: 'END OF TEXT',
  0x04: 'END OF TRANSMISSION', 0x05: 'ENQUIRY', 0x06: 'ACKNOWLEDGE', 0x07: 'BELL', 0x08: 'BACKSPACE',
  0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN', 0x0e: 'SHIFT OUT', 0x0f: 'SHIFT IN',
  0x10: 'DATA LINK ESCAPE', 0x11: 'DEVICE CONTROL ONE', 0x12: 'DEVICE CONTROL TWO', 0x13: 'DEVICE CONTROL THREE',
  0x14: 'DEVICE CONTROL FOUR', 0x15: 'NEGATIVE ACKNOWLEDGE', 0x16: 'SYNCHRONOUS IDLE',
  0x17: 'END OF TRANSMISSION BLOCK', 0x18: 'CANCEL', 0x19: 'END OF MEDIUM', 0x1a: 'SUBSTITUTE', 0x1b: 'ESCAPE',
  0x1c: 'INFORMATION SEPARATOR FOUR', 0x1d: 'INFORMATION SEPARATOR THREE', 0x1e: 'INFORMATION SEPARATOR TWO',
  0x1f: 'INFORMATION SEPARATOR ONE', 0x7f: 'DELETE', 0x85: 'NEXT LINE',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** Name a character for a message: `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
export function characterName(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} (${NAMES[codePoint] ?? 'a C1 control character'})`;
}

/** The distinct hidden characters of `text`, in order of first appearance (none: empty). */
export function hiddenCharactersIn(text: string): number[] {
  return HIDDEN.test(text) ? matchedIn(text, HIDDEN) : [];
}

/** A string of the data that holds hidden characters. */
export interface HiddenText {
  /** Path from the root to the string (a key's path when the key holds them). */
  path: Array<string | number>;
  /** Whether the key at `path`, rather than its value, holds them. */
  inKey: boolean;
  /** The distinct hidden characters, in order of first appearance. */
  codePoints: number[];
}

// The distinct characters of `text` that `pattern` matches, in order of first appearance.
function matchedIn(text: string, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) found.add(m[0].codePointAt(0)!);
  return [...found];
}

/** Where a value met on the walk is: its key, and the way back to the root (paths are built only when needed). */
interface Step {
  key: string | number;
  parent: Step | null;
}

function pathOf(step: Step): Array<string | number> {
  const path: Array<string | number> = [];
  for (let s: Step | null = step; s !== null && s.parent !== null; s = s.parent) path.push(s.key);
  return path.reverse();
}

/** Every string (and key) under `root` that holds hidden characters, in document order. */
export function findHiddenText(root: unknown): HiddenText[] {
  return findText(root, HIDDEN);
}

// Every string (and key) under `root` that holds a character `pattern` matches, in document order.
function findText(root: unknown, pattern: RegExp): HiddenText[] {
  const out: HiddenText[] = [];
  if (typeof root === 'string') {
    if (pattern.test(root)) out.push({ path: [], inKey: false, codePoints: matchedIn(root, pattern) });
    return out;
  }
  if (root === null || typeof root !== 'object') return out;
  // Iterative and depth first, in document order: a frame for each list or map on the way down,
  // none for the strings and numbers (most of the data), whose step is made only for a path to
  // report. `seen` guards against shared (aliased) values.
  const seen = new Set<object>();
  const frames: Frame[] = [];
  const enter = (node: object, step: Step): void => {
    seen.add(node);
    const keys = Array.isArray(node) ? null : Object.keys(node);
    if (keys !== null) {
      for (const key of keys) {
        if (pattern.test(key)) out.push({ path: [...pathOf(step), key], inKey: true, codePoints: matchedIn(key, pattern) });
      }
    }
    frames.push({ node: node as Record<string | number, unknown>, keys, next: 0, step });
  };
  enter(root, { key: '', parent: null });
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const length = frame.keys === null ? (frame.node as unknown as unknown[]).length : frame.keys.length;
    if (frame.next >= length) {
      frames.pop();
      continue;
    }
    const key = frame.keys === null ? frame.next : frame.keys[frame.next]!;
    frame.next++;
    const child = frame.node[key];
    if (typeof child === 'string') {
      if (pattern.test(child)) out.push({ path: pathOf({ key, parent: frame.step }), inKey: false, codePoints: matchedIn(child, pattern) });
    } else if (child !== null && typeof child === 'object' && !seen.has(child)) {
      enter(child, { key, parent: frame.step });
    }
  }
  return out;
}

/** A list or map on the walk, and where the walk is in it. */
interface Frame {
  node: Record<string | number, unknown>;
  /** A map's keys; null for a list. */
  keys: string[] | null;
  next: number;
  step: Step;
}

// What holds a found text, for a message: "`note`", "item 2 of `aliases`", "a key in `observations`".
function subjectOf(found: HiddenText): { en: string; zh: string } {
  const last = found.path[found.path.length - 1];
  const parent = found.path[found.path.length - 2];
  return found.inKey
    ? { en: `a key in \`${String(parent ?? 'the file')}\``, zh: parent === undefined ? '文件中的一个键' : `\`${String(parent)}\` 中的一个键` }
    : typeof last === 'number'
      ? { en: `item ${last + 1} of \`${String(parent)}\``, zh: `\`${String(parent)}\` 的第${last + 1}项` }
      : { en: `\`${String(last)}\``, zh: `\`${String(last)}\`` };
}

// Say which hidden characters a text holds: "`note` holds U+200B (ZERO WIDTH SPACE), …".
function hiddenMessage(found: HiddenText): Text {
  const subject = subjectOf(found);
  const names = found.codePoints.slice(0, 3).map(characterName);
  const more = found.codePoints.length - names.length;
  const list = more > 0 ? `${names.join(', ')} and ${more} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  const listZh = more > 0 ? `${names.join('、')}等${found.codePoints.length}个字符` : names.join('、');
  const one = found.codePoints.length === 1;
  return {
    en: `${subject.en} holds ${list}, which ${one ? 'is' : 'are'} invisible and can make the text read differently from what ${one ? 'it holds' : 'they hold'}`,
    zh: `${subject.zh}含有 ${listZh}，这些字符不可见，会让文本看起来与实际内容不同`,
  };
}

/** Text holds no control, bidi or zero-width characters (copied along from web pages and PDFs). */
export function hiddenCharacters(data: PlanData): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (file: string, root: unknown): void => {
    for (const found of findHiddenText(root)) {
      const hint = {
        en: `delete ${found.codePoints.length === 1 ? 'it' : 'them'}: such characters come along when text is copied from web pages and PDFs`,
        zh: '请删除：这类字符常在从网页和 PDF 复制文字时混入',
      };
      out.push(at(file, pointer(...found.path), 'warning', 'control-character', hiddenMessage(found), hint));
    }
  };
  check(data.file, data.plan);
  for (const y of data.years) {
    // Only what the file says: not the path it was read from.
    const { file, path: _path, ...content } = y;
    check(file, content);
  }
  return out;
}

// Kangxi radicals, CJK compatibility ideographs (and their supplement): characters drawn as an
// ideograph but not it (text extracted from PDFs often has ⼀ U+2F00 for 一 U+4E00). Those with a
// compatibility mapping (NFKC) are reported, with the ideograph meant.
const LOOKALIKE = /[\u2F00-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;

// The ideograph a look-alike stands for, or null when it is an ideograph itself.
function meant(codePoint: number): string | null {
  const ch = String.fromCodePoint(codePoint);
  const normal = ch.normalize('NFKC');
  return normal !== ch && [...normal].length === 1 ? normal : null;
}

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Text holds no radical or compatibility character in place of the ideograph it looks like. */
export function lookalikeCharacters(data: PlanData): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (file: string, root: unknown): void => {
    for (const found of findText(root, LOOKALIKE)) {
      const pairs = found.codePoints.flatMap((cp) => {
        const m = meant(cp);
        return m === null ? [] : [{ cp, shown: String.fromCodePoint(cp), meant: m }];
      });
      if (pairs.length === 0) continue;
      const subject = subjectOf(found);
      const listed = pairs.slice(0, 3);
      const more = pairs.length - listed.length;
      const en = listed.map((p) => `${p.shown} ${hex(p.cp)} for ${p.meant} ${hex(p.meant.codePointAt(0)!)}`).join(', ') + (more > 0 ? ` and ${more} more` : '');
      const zh = listed.map((p) => `${p.shown}（${hex(p.cp)}）而非${p.meant}（${hex(p.meant.codePointAt(0)!)}）`).join('、') + (more > 0 ? `等${pairs.length}处` : '');
      out.push(at(file, pointer(...found.path), 'warning', 'lookalike-character',
        {
          en: pairs.length === 1
            ? `${subject.en} holds ${en}: it looks the same, but a search for the ideograph does not find it`
            : `${subject.en} holds ${en}: they look the same, but a search for the ideographs does not find them`,
          zh: `${subject.zh}含有${zh}：外观相同，但检索该汉字时找不到`,
        },
        {
          en: `replace ${pairs.length === 1 ? 'it' : 'them'} with the ideograph${pairs.length === 1 ? '' : 's'} meant (text copied from PDFs often has radicals in place of ideographs)`,
          zh: '请替换为相应的汉字（从 PDF 复制的文字常以部首字符代替汉字）',
        }));
    }
  };
  check(data.file, data.plan);
  for (const y of data.years) {
    const { file, path: _path, ...content } = y;
    check(file, content);
  }
  return out;
}

