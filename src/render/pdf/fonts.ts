// The embedded font: Noto Sans SC (OFL), static TrueType (glyf) builds from npm, read and
// parsed once per process, and only when a PDF is asked for. pdfkit subsets what is used.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

/** Where the two weights live in node_modules. */
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** Parsed fonts, handed to pdfkit as they are (pdfkit accepts a fontkit font). */
export interface PdfFonts {
  regular: Font;
  bold: Font;
}

let loading: Promise<PdfFonts> | undefined;

/** Read and parse the two weights; the first call does the work, later calls share it. */
export function loadFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([parse(FONT_FILES.regular), parse(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

// Parse one font file; a collection or an unreadable file is an error (a broken install).
async function parse(specifier: string): Promise<Font> {
  const path = require.resolve(specifier);
  const parsed = create(await readFile(path));
  if (!('layout' in parsed)) throw new Error(`${path} is a font collection, expected a single TrueType font`);
  return parsed;
}
