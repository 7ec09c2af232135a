// The client report: one PDF with a title page, the findings in words, the key figures, every
// chart of the dashboard the data can draw, the cause table, what to do about the top causes, the
// customers at risk and an appendix with the column mapping, the settings and what was left out
// for want of data (and why). Every number comes from the Analysis; the text from i18n.
import type { Analysis, Settings } from '../core/types';
import { causeById } from '../core/causes/taxonomy';
import { CHARTS, causeGap, hasRevenue, hasStatedCauses, type Gap } from '../charts/index';
import { findings, findingText, scopeText } from '../core/findings';
import { causeLabel } from '../charts/labels';
import { chartSummary, chartTitle } from '../charts/summary';
import { kpiItems } from '../charts/kpis';
import { formatNumber, formatPercent, hasMessage, translate, type Locale } from '../i18n';
import { formatDate } from './meta';
import { COLORS, PX, PdfWriter, chartSvg, newPdf, pdfBlob, specTitle, strongText, type Paper } from './pdf';

export interface ReportInput {
  analysis: Analysis;
  settings: Settings;
  locale: Locale;
  /** The client's name as the user typed it ('' = not named). */
  client: string;
  paper: Paper;
  now?: Date;
  /** Steps done of total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** At-risk rows in the report (the page-sized analysis holds the top 100). */
export const REPORT_AT_RISK = 50;

/** The causes with advice, largest first, as the dashboard shows them. */
export const strategyCauses = (a: Analysis) =>
  a.causes.filter((c) => causeById(c.id)?.strategies && c.id !== 'unclassified').slice(0, 4);

export async function buildReport(input: ReportInput): Promise<Blob> {
  const { analysis: a, settings, locale: l, paper } = input;
  const now = input.now ?? new Date();
  const t = (k: string, p?: Record<string, string | number>) => translate(l, k, p);
  const client = input.client.trim();
  const charts = CHARTS.filter((c) => c.hasData(a));
  const steps = charts.length + 2;
  let done = 0;
  const step = () => input.onProgress?.(++done, steps);
  // Let the page paint the progress between heavy steps.
  const yieldToPage = () => new Promise((ok) => setTimeout(ok, 0));

  const doc = newPdf(paper);
  doc.setDocumentProperties({
    title: client ? `${t('report.title')} · ${client}` : t('report.title'),
    subject: t('report.subtitle'),
    creator: 'churnlens',
  });
  doc.setLanguage(l === 'en' ? 'en-US' : l === 'zh-Hans' ? 'zh-CN' : 'zh-TW');
  const w = new PdfWriter(doc);

  // 1. Title page.
  doc.setFontSize(10);
  doc.setTextColor(COLORS.accent);
  strongText(doc, 'churnlens', w.left, w.y + 9);
  w.y += 110;
  doc.setFontSize(28);
  doc.setTextColor(COLORS.text);
  const titleLines = w.lines(t('report.title'), 28);
  strongText(doc, titleLines, w.left, w.y + 25);
  w.y += titleLines.length * 28 * 1.3 + 4;
  w.paragraph(t('report.subtitle'), { size: 13, color: COLORS.muted, after: 28 });
  doc.setDrawColor(COLORS.accent);
  doc.setLineWidth(2);
  doc.line(w.left, w.y, w.left + 60, w.y);
  w.y += 24;
  w.paragraph(t('report.preparedFor'), { size: 10, color: COLORS.muted, after: 0 });
  w.paragraph(client || t('report.noClient'), { size: 18, after: 14 });
  w.table(
    [
      { header: t('report.date'), width: 1 },
      { header: t('report.asOf'), width: 1 },
    ],
    [[formatDate(l, now), a.asOf]],
    { size: 10 },
  );
  w.heading(t('report.sources'), 2);
  w.table(
    [
      { header: t('report.file'), width: 3 },
      { header: t('report.kind'), width: 1.6 },
      { header: t('report.rows'), width: 1, align: 'right' },
      { header: t('report.encoding'), width: 1.1 },
    ],
    a.inputs.map((i) => [i.file, t(`kind.${i.kind}`), formatNumber(l, i.rows), i.encoding]),
  );
  w.heading(t('report.definitions'), 2);
  w.table(
    [
      { header: t('report.setting'), width: 1.2 },
      { header: t('report.value'), width: 3 },
    ],
    definitionRows(a, settings, l),
  );

  // 2. The findings in words (the Overview's), then the key figures.
  w.newPage();
  w.heading(t('report.findings'));
  w.paragraph(scopeText(a, l), { size: 9.5, color: COLORS.muted, after: 6 });
  for (const f of findings(a)) w.paragraph(findingText(f, a, l), { size: 10.5, indent: 14, bullet: '•', after: 5 });
  w.gap(8);
  w.heading(t('report.kpis'));
  const kpis = kpiItems(a, l);
  const cols = 3;
  const gapX = 10;
  const boxW = (w.contentWidth - (cols - 1) * gapX) / cols;
  const boxH = 54;
  kpis.forEach(({ label, value }, i) => {
    const x = w.left + (i % cols) * (boxW + gapX);
    const y = w.y + Math.floor(i / cols) * (boxH + 10);
    doc.setDrawColor(COLORS.line);
    doc.setLineWidth(0.7);
    doc.roundedRect(x, y, boxW, boxH, 4, 4, 'S');
    doc.setFontSize(9);
    doc.setTextColor(COLORS.muted);
    doc.text(label, x + 10, y + 17, { maxWidth: boxW - 20 });
    doc.setFontSize(18);
    doc.setTextColor(COLORS.text);
    strongText(doc, value, x + 10, y + 42);
  });
  w.y += Math.ceil(kpis.length / cols) * (boxH + 10) + 6;
  w.paragraph(
    `${t('kpi.asOf', { asOf: a.asOf })} · ${t(a.definition.reason, { asOf: a.asOf, days: a.definition.inactiveDays })}`,
    { size: 9.5, color: COLORS.muted },
  );
  if (a.controllableShare !== null && hasStatedCauses(a)) {
    w.paragraph(
      t('report.controllableSummary', {
        share: formatPercent(l, a.controllableShare),
        benchmark: formatPercent(l, a.benchmark.controllable, 0),
      }),
      { size: 9.5, color: COLORS.muted },
    );
  }
  step();

  // 3. Every chart of the dashboard, each whole on a page, as wide as the text.
  w.heading(t('report.charts'), 1, 200);
  for (const c of charts) {
    await yieldToPage();
    const spec = c.spec(a, l);
    const svg = await chartSvg(spec, Math.round(w.contentWidth / PX), l);
    await w.chart(svg, specTitle(spec), chartSummary(c.id, a, l));
    step();
  }

  // 4. The causes, with controllable flags, counts and shares (only when some cause is stated).
  const causesGap = causeGap(a);
  if (!causesGap) {
    w.heading(t('report.causes'));
    const yesNo = (c: boolean | null) => (c === null ? '–' : c ? t('report.yes') : t('report.no'));
    w.table(
      [
        { header: t('report.cause'), width: 2.6 },
        { header: t('report.controllable'), width: 1.1 },
        { header: t('report.customers'), width: 1, align: 'right' },
        { header: t('report.share'), width: 0.9, align: 'right' },
        ...(hasRevenue(a) ? [{ header: t('report.lostRevenue'), width: 1.4, align: 'right' as const }] : []),
        { header: t('report.inferred'), width: 0.9, align: 'right' },
      ],
      a.causes.map((c) => [
        causeLabel(a, c.id, l),
        yesNo(c.controllable),
        formatNumber(l, c.customers),
        formatPercent(l, c.share),
        ...(hasRevenue(a) ? [formatNumber(l, c.revenue)] : []),
        c.inferred ? formatNumber(l, c.inferred) : '–',
      ]),
    );
  }

  // 5. What to do about the top causes (the taxonomy's advice; a renamed cause keeps its name).
  const top = strategyCauses(a);
  if (top.length) {
    w.heading(t('report.strategies'));
    for (const c of top) {
      const def = causeById(c.id)!;
      w.heading(`${causeLabel(a, c.id, l)} · ${formatPercent(l, c.share)} · ${formatNumber(l, c.customers)}`, 3, 50);
      w.paragraph(def.description[l], { size: 9.5, color: COLORS.muted });
      w.paragraph(`${t('strategy.signs')}: ${def.signs[l]}`, { size: 9.5 });
      if (c.inferred) w.paragraph(t('strategy.inferred', { count: c.inferred }), { size: 9, color: COLORS.muted });
      for (const s of def.strategies[l]) w.paragraph(s, { size: 9.5, indent: 14, bullet: '•', after: 2 });
      w.gap(6);
    }
  }

  // 6. The customers at risk, top 50 (warning signs need order activity: without it, left out).
  const risk = a.atRisk;
  const shown = risk.list.slice(0, REPORT_AT_RISK);
  const revenue = hasRevenue(a);
  if (a.definition.available.activity) {
    w.heading(t('report.atRisk', { shown: shown.length, total: risk.customers }));
    w.paragraph(t('risk.rule', { silent: risk.silentDays, window: risk.windowDays }), { size: 9, color: COLORS.muted });
    if (shown.length === 0) w.paragraph(t('risk.none'));
    else {
      w.paragraph(
        revenue ? t('risk.summary', { customers: risk.customers, revenue: formatNumber(l, risk.revenue) }) : t('risk.summaryNoRevenue', { customers: risk.customers }),
        { size: 9.5, after: 6 },
      );
      const signal = (c: (typeof shown)[number]) =>
        [c.silent ? t('risk.silent') : '', c.declining ? t('risk.declining') : ''].filter(Boolean).join(', ');
      w.table(
        [
          { header: t('risk.id'), width: 1 },
          { header: t('risk.name'), width: 2.4 },
          { header: t('risk.rep'), width: 0.9 },
          { header: t('risk.lastOrder'), width: 1.1 },
          { header: t('risk.daysSilent'), width: 0.9, align: 'right' },
          { header: t('risk.signal'), width: 1.5 },
          ...(revenue ? [{ header: t('risk.revenue'), width: 1.3, align: 'right' as const }] : []),
        ],
        shown.map((c) => [
          c.id,
          c.name,
          c.rep,
          c.lastOrder ?? '–',
          c.daysSilent === null ? '–' : formatNumber(l, c.daysSilent),
          signal(c),
          ...(revenue ? [formatNumber(l, c.revenue)] : []),
        ]),
        { size: 8.5 },
      );
    }
  }

  // 7. Appendix: the column mapping of each file, and the settings.
  w.newPage();
  w.heading(t('report.appendix'));
  w.heading(t('report.mapping'), 2);
  for (const i of a.inputs) {
    w.heading(i.file, 3, 50);
    w.paragraph(`${t('mapping.summary', { rows: i.rows, kind: t(`kind.${i.kind}`) })} · ${i.encoding}`, { size: 9, color: COLORS.muted });
    const roles = Object.entries(i.roles).filter(([, header]) => header);
    w.table(
      [
        { header: t('report.role'), width: 1 },
        { header: t('report.column'), width: 2 },
      ],
      roles.map(([role, header]) => [hasMessage(`role.${role}`) ? t(`role.${role}`) : role, String(header)]),
    );
  }
  w.heading(t('report.settings'), 2);
  w.table(
    [
      { header: t('report.setting'), width: 1.2 },
      { header: t('report.value'), width: 3 },
    ],
    settingRows(a, settings, l),
  );
  // What the data could not give, and why: the parts above that were left out.
  const left = omittedParts(a, l);
  if (left.length) {
    w.heading(t('report.omitted'), 2);
    w.paragraph(t('report.omittedIntro'), { size: 9.5, color: COLORS.muted });
    for (const o of left) w.paragraph(t('report.omittedRow', { what: o.what, why: o.why }), { size: 9.5, indent: 14, bullet: '•', after: 3 });
  }
  step();

  // Page furniture: a running head after the title page, and "n / N" on every page.
  const running = client ? `${t('report.title')} · ${client}` : t('report.title');
  w.decorate((page, pages) => {
    doc.setFontSize(8);
    doc.setTextColor(COLORS.muted);
    if (page > 1) {
      doc.text(running, w.left, 34, { maxWidth: w.contentWidth - 60 });
      doc.setDrawColor(COLORS.line);
      doc.setLineWidth(0.5);
      doc.line(w.left, 40, w.left + w.contentWidth, 40);
    }
    const y = w.pageHeight - 30;
    doc.text(t('report.footer'), w.left, y);
    doc.text(t('report.page', { page: String(page), pages: String(pages) }), w.left + w.contentWidth, y, { align: 'right' });
  });
  return pdfBlob(doc);
}

/**
 * The parts of the report left out for want of data, each with the reason (the same sentence the
 * dashboard shows in its place): charts whose data is missing, the cause table, the customers at risk.
 */
export function omittedParts(a: Analysis, l: Locale): { what: string; why: string; gap: Gap }[] {
  const t = (k: string, p?: Record<string, string | number>) => translate(l, k, p);
  const out: { what: string; why: string; gap: Gap }[] = [];
  for (const c of CHARTS) {
    const s = c.state(a);
    if (s && s !== 'skip') out.push({ what: chartTitle(c.id, a, l), why: t(`gap.${s}`), gap: s });
  }
  const cg = causeGap(a);
  if (cg) out.push({ what: t('report.causes'), why: t(`gap.${cg}`), gap: cg });
  if (!a.definition.available.activity) out.push({ what: t('risk.title'), why: t('gap.no-activity'), gap: 'no-activity' });
  return out;
}

/** The definitions in force, for the title page. */
function definitionRows(a: Analysis, s: Settings, l: Locale): string[][] {
  const t = (k: string, p?: Record<string, string | number>) => translate(l, k, p);
  return [
    [t('report.rule'), t(a.definition.reason, { asOf: a.asOf, days: a.definition.inactiveDays })],
    [t('settings.churnMode'), t(`settings.churnMode.${s.churnMode ?? 'auto'}`)],
    [t('settings.inactiveDays'), formatNumber(l, a.definition.inactiveDays)],
    [t('settings.asOf'), s.asOf ? a.asOf : `${a.asOf} (${t('settings.asOfAuto')})`],
    [t('settings.period'), t(`settings.period.${a.cohorts.period}`)],
  ];
}

/** Every setting, for the appendix. */
function settingRows(a: Analysis, s: Settings, l: Locale): string[][] {
  const t = (k: string, p?: Record<string, string | number>) => translate(l, k, p);
  const column = (key: string) => (hasMessage(`role.${key}`) ? t(`role.${key}`) : key);
  const survival =
    s.survivalBy === 'none' ? t('settings.none') : s.survivalBy ? column(s.survivalBy) : t('settings.auto');
  return [
    ...definitionRows(a, s, l),
    [t('report.tiers'), (s.tiers ?? [0.2]).map((c) => formatPercent(l, c, 0)).join(', ')],
    [t('settings.repWindowDays'), formatNumber(l, a.reps.windowDays)],
    [t('settings.survivalBy'), survival],
    [t('report.groupBy'), s.groupBy?.length ? s.groupBy.map(column).join(', ') : t('settings.auto')],
    [
      t('report.overrides'),
      t('report.overridesValue', {
        reasons: Object.keys(s.reasonOverrides ?? {}).length,
        customers: Object.keys(s.customerOverrides ?? {}).length,
      }),
    ],
  ];
}
