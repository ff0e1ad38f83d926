/**
 * Reading back a rendered PDF, for tests and health checks: its structure from the raw bytes (pdfkit writes object
 * dictionaries uncompressed), and its text through `pdftotext` (Debian poppler-utils) when installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface PdfStructure {
  version: string;
  pageCount: number;
  /** [width, height] in points of each page. */
  mediaBoxes: [number, number][];
  /** PostScript names of the embedded fonts, subset prefix removed (e.g. "NotoSerif-Bold"). */
  embeddedFonts: string[];
  imageCount: number;
}

/** Parses what a valid pdfkit file must have; throws when the bytes are not a complete PDF. */
export function inspectPdf(pdf: Buffer): PdfStructure {
  const head = pdf.subarray(0, 8).toString('latin1');
  const match = /^%PDF-(\d\.\d)/.exec(head);
  if (!match) throw new Error('not a PDF: missing %PDF- header');
  if (!pdf.subarray(-32).toString('latin1').includes('%%EOF')) throw new Error('truncated PDF: missing %%EOF');
  const raw = pdf.toString('latin1');
  if (!/\bxref\b/.test(raw) || !/\btrailer\b/.test(raw)) throw new Error('PDF without cross-reference table');
  const mediaBoxes = [...raw.matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const fonts = new Set([...raw.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]!));
  const hasFontFile = /\/FontFile2\b/.test(raw);
  return {
    version: match[1]!,
    pageCount: [...raw.matchAll(/\/Type \/Page\b/g)].length,
    mediaBoxes,
    embeddedFonts: hasFontFile ? [...fonts] : [],
    imageCount: [...raw.matchAll(/\/Subtype \/Image\b/g)].length,
  };
}

let pdftotextAvailable: boolean | undefined;

export function hasPdftotext(): boolean {
  pdftotextAvailable ??= spawnSync('pdftotext', ['-v']).error === undefined;
  return pdftotextAvailable;
}

/** The PDF's text in content-stream order (`-raw`: a table cell stays together), NFC, whitespace collapsed; undefined when pdftotext is not installed. */
export function extractPdfText(pdf: Buffer): string | undefined {
  if (!hasPdftotext()) return undefined;
  const out = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return out.toString('utf8').normalize('NFC').replace(/\s+/g, ' ');
}
