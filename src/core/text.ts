// Long cells: a pasted e-mail thread or a corrupted export can put 200,000 characters or more in
// one reason or name. The classifier and the page read at most MAX_CELL_CHARS of a cell; the
// full text stays in the model and in every export.

export const MAX_CELL_CHARS = 2000;

/** Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) and lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, 'g');

/**
 * The text with every character XML (hence SVG, .xlsx and the page's exports) cannot hold
 * replaced by U+FFFD: a NUL byte or a lone surrogate in a cell must not break a drawn chart.
 */
export function cleanText(s: string): string {
  return NOT_XML.test(s) ? s.replace(NOT_XML_ALL, '\uFFFD') : s;
}

/**
 * The text as the classifier and the page read it: cleaned (cleanText), then cut to `max`
 * characters with "…" after it, never splitting a surrogate pair; unchanged when it is short and
 * clean. Idempotent, so a clipped reason shown on the page is also the key its override is
 * stored under.
 */
export function clipText(s: string, max = MAX_CELL_CHARS): string {
  s = cleanText(s);
  if (s.length <= max) return s;
  const end = s.charCodeAt(max - 1) >= 0xd800 && s.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

/** A copy of plain data with every long string clipped; parts with nothing to clip are shared, not copied. */
export function clipStrings<T>(v: T, max = MAX_CELL_CHARS): T {
  if (typeof v === 'string') return clipText(v, max) as T;
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    const items: readonly unknown[] = v;
    let out: unknown[] | null = null;
    for (let i = 0; i < items.length; i++) {
      const x = clipStrings(items[i], max);
      if (x !== items[i]) (out ??= items.slice())[i] = x;
    }
    return (out ?? v) as T;
  }
  let out: Record<string, unknown> | null = null;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    const y = clipStrings(x, max);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return (out ?? v) as T;
}
