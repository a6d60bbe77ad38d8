// The part of unicode-properties (the Unicode data fontkit reads) that src/render/pdf uses.
// It ships no type declarations.
declare module 'unicode-properties' {
  /** The Unicode Script property of a code point: 'Han', 'Latin', 'Common', 'Inherited', 'Unknown', … */
  export function getScript(codePoint: number): string;
}
