/**
 * pdfmake 0.3 on the server: the package exports one shared instance (`createPdf(doc).getBuffer()`); fonts are
 * loaded into its virtual file system, so no system font is needed and nothing is read from disk or the network
 * while rendering (both access policies deny everything).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

interface PdfMakeServer {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
}

const pdfmake = require('pdfmake') as PdfMakeServer;

/** The font family every form uses: Noto Serif covers all Vietnamese letters with their diacritics. */
export const FORM_FONT = 'NotoSerif';

const FONT_FILES = {
  normal: ['400Regular', 'NotoSerif_400Regular.ttf'],
  bold: ['700Bold', 'NotoSerif_700Bold.ttf'],
  italics: ['400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'],
  bolditalics: ['700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'],
} as const;

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const descriptor: Record<string, string> = {};
  for (const [style, [dir, file]] of Object.entries(FONT_FILES)) {
    const vfsName = `motcua-fonts/${file}`;
    if (!pdfmake.virtualfs.existsSync(vfsName)) {
      pdfmake.virtualfs.writeFileSync(vfsName, readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${dir}/${file}`)));
    }
    descriptor[style] = vfsName;
  }
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  FONT_DESCRIPTOR = descriptor;
  prepared = true;
}

let FONT_DESCRIPTOR: Record<string, string> = {};

/** Renders a document definition to PDF bytes with the embedded Noto Serif family. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  prepare();
  // Added on every call: the instance is shared, and another module may have replaced the font table.
  pdfmake.addFonts({ [FORM_FONT]: FONT_DESCRIPTOR });
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: FORM_FONT, ...doc.defaultStyle } }).getBuffer();
}
