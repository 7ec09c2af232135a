// The bundled CJK font (WenQuanYi Micro Hei, a glyf TrueType subset; see src/assets/fonts/README.md).
// It is in the page as a data URL, never fetched. Two uses:
// - the page: a last-resort web font for CJK characters, so a machine (or headless Chromium)
//   without a CJK font still shows Chinese on screen, in canvas PNGs and in screenshots;
// - PDF export: jsPDF embeds a subset of it, so Chinese stays text (see pdf.ts).
import fontDataUrl from '../assets/fonts/wqy-microhei-subset.ttf?inline';
import { base64Bytes } from './session';

/** The family appended to the app's font stacks (app.css, charts/theme.ts FONT). */
export const CJK_FAMILY = 'churnlens-cjk';
/**
 * The same font over every character, for PDF text: svg2pdf measures text in the page with the
 * SVG's family, and jsPDF draws it with the embedded font, so both must be this one font.
 */
export const PDF_FAMILY = 'churnlens-pdf';

/** CJK symbols and punctuation, kana, hanzi, compatibility ideographs, full-width forms. */
const CJK_RANGE = 'U+2E80-2FFF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF';

/** The TTF as base64 (what jsPDF's virtual file system takes). */
export function fontBase64(): string {
  return fontDataUrl.slice(fontDataUrl.indexOf(',') + 1);
}

let bytes: ArrayBuffer | null = null;
function fontBytes(): ArrayBuffer {
  if (!bytes) bytes = base64Bytes(fontBase64()).buffer as ArrayBuffer;
  return bytes;
}

const faces = new Map<string, Promise<void>>();

/**
 * Add the font to document.fonts under `family` (from an ArrayBuffer: no URL, nothing for the
 * CSP to allow) and resolve once it is usable. Safe to call again; a failure is logged, not thrown,
 * since the page still works with the system's fonts.
 */
export function registerFont(family: string = CJK_FAMILY): Promise<void> {
  let p = faces.get(family);
  if (!p) {
    p = (async () => {
      if (typeof FontFace === 'undefined' || !document.fonts) return;
      const face = new FontFace(family, fontBytes(), family === CJK_FAMILY ? { unicodeRange: CJK_RANGE } : {});
      document.fonts.add(face);
      await face.load();
    })().catch((e) => console.warn('churnlens: bundled font not registered', e));
    faces.set(family, p);
  }
  return p;
}

/** Wait until the page's CJK fallback font can be drawn (before a canvas export). */
export async function cjkFontReady(): Promise<void> {
  await registerFont(CJK_FAMILY);
  await document.fonts?.ready;
}
