// A character's glyph id in a font, as fontkit's cmap lookup gives it (CmapProcessor.lookup,
// without a variation selector), read from the font's bytes.
//
// fontkit decodes each group of a format 12 cmap it visits into an object (a binary search
// visits ten of Noto Sans SC's 1,065 groups), through restructure: 5 ms of a PDF run for the
// few hundred characters a report uses. The groups are three big-endian uint32s each, sorted
// by character: the same binary search over the bytes gives the same ids. The layout is read
// from fontkit's own subtable (where its groups start, how many) and checked against the
// subtable's header; any other cmap format, or a layout that does not check out, is left to
// fontkit.

import type { Font } from 'fontkit';

/** fontkit's cmap lookup for a font: glyph id 0 for a character it has no glyph for. */
export type GlyphIdLookup = (codePoint: number) => number;

interface CmapProcessor {
  encoding?: unknown;
  cmap?: { version?: unknown; nGroups?: unknown; groups?: { base?: unknown; stream?: { view?: unknown } }; _startOffset?: unknown };
}

const lookups = new WeakMap<Font, GlyphIdLookup | null>();

/**
 * The lookup read from the bytes of the font's cmap, or null where fontkit must look up.
 * Format 12 (and 13, one glyph for a whole group): format u16, reserved u16, length u32,
 * language u32, nGroups u32, then the groups: startCharCode, endCharCode, glyph id.
 */
export function cmapFromBytes(font: Font): GlyphIdLookup | null {
  let lookup = lookups.get(font);
  if (lookup === undefined) lookups.set(font, (lookup = fromBytes(font)));
  return lookup;
}

function fromBytes(font: Font): GlyphIdLookup | null {
  const processor = (font as unknown as { _cmapProcessor?: CmapProcessor })._cmapProcessor;
  const cmap = processor?.cmap;
  // A font without a Unicode cmap has its characters re-encoded first: fontkit's business.
  if (processor === undefined || processor.encoding || cmap === undefined) return null;
  const view = cmap.groups?.stream?.view;
  const start = cmap._startOffset;
  if (!(view instanceof DataView) || typeof start !== 'number' || start < 0 || start + 16 > view.byteLength) return null;
  const format = view.getUint16(start);
  const count = view.getUint32(start + 12);
  const at = start + 16;
  if ((format !== 12 && format !== 13) || cmap.version !== format || cmap.nGroups !== count || cmap.groups?.base !== at || at + count * 12 > view.byteLength) return null;
  const constant = format === 13;
  return (codePoint) => {
    let min = 0;
    let max = count - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const group = at + mid * 12;
      if (codePoint < view.getUint32(group)) max = mid - 1;
      else if (codePoint > view.getUint32(group + 4)) min = mid + 1;
      else return constant ? view.getUint32(group + 8) : view.getUint32(group + 8) + (codePoint - view.getUint32(group));
    }
    return 0;
  };
}
