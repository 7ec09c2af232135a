// The PDF page writer in Node (jsPDF with the bundled font): what its table draws, and in which
// colour. svg2pdf (charts) needs a page and is not used here.
import type { jsPDF } from 'jspdf';
import { describe, expect, it, vi } from 'vitest';

vi.mock('svg2pdf.js', () => ({ svg2pdf: async () => undefined }));
const { COLORS, PdfWriter, newPdf } = await import('../../src/export/pdf');

/** A new document whose every text is recorded with the colour it is drawn in. */
function recordingDoc(): { doc: jsPDF; drawn: { text: string; color: string }[] } {
  const doc = newPdf('a4');
  const drawn: { text: string; color: string }[] = [];
  const text = doc.text.bind(doc) as (...args: unknown[]) => jsPDF;
  doc.text = ((value: string | string[], ...rest: unknown[]) => {
    drawn.push({ text: [value].flat().join(' '), color: doc.getTextColor() });
    return text(value, ...rest);
  }) as typeof doc.text;
  return { doc, drawn };
}

/** A colour as jsPDF reads it back (#1d232b comes back as #1d222b: PDF colours are fractions). */
function asDrawn(hex: string): string {
  const probe = newPdf('a4');
  probe.setTextColor(hex);
  return probe.getTextColor();
}
const MUTED = asDrawn(COLORS.muted);
const TEXT = asDrawn(COLORS.text);

describe('PdfWriter.table', () => {
  it('draws the header row in the muted colour on its shaded band, and the rows in the text colour', () => {
    const { doc, drawn } = recordingDoc();
    new PdfWriter(doc).table(
      [
        { header: 'Cause', width: 2 },
        { header: 'Customers', width: 1, align: 'right' },
      ],
      [
        ['Price', '2'],
        ['Service', '1'],
      ],
    );
    expect(MUTED).not.toBe(TEXT);
    expect(drawn).toEqual([
      { text: 'Cause', color: MUTED },
      { text: 'Customers', color: MUTED },
      { text: 'Price', color: TEXT },
      { text: '2', color: TEXT },
      { text: 'Service', color: TEXT },
      { text: '1', color: TEXT },
    ]);
  });

  it('repeats the header, in the same colour, on every page the table runs onto', () => {
    const { doc, drawn } = recordingDoc();
    const rows = Array.from({ length: 60 }, (_, k) => [`row ${k + 1}`]);
    new PdfWriter(doc).table([{ header: 'Name', width: 1 }], rows);
    expect(doc.getNumberOfPages()).toBe(2);
    const headers = drawn.filter((d) => d.text === 'Name');
    expect(headers).toEqual([
      { text: 'Name', color: MUTED },
      { text: 'Name', color: MUTED },
    ]);
    expect(drawn.filter((d) => d.text.startsWith('row ')).every((d) => d.color === TEXT)).toBe(true);
    expect(drawn.filter((d) => d.text.startsWith('row '))).toHaveLength(60);
  });
});
