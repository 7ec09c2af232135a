// The client report: one PDF with a title page, the findings in words, the key figures, every
// chart of the dashboard the data can draw, the cause table, what to do about the top causes, the
// customers at risk and an appendix with the column mapping, the settings and what was left out
// for want of data (and why). Every number comes from the Analysis; the text from i18n.
import { causeGap, CHARTS, type Gap, hasRevenue, hasStatedCauses } from '../charts/index';
import { chartSummary, chartTitle } from '../charts/index';
import { kpiItems } from '../charts/kpis';
import { causeLabel } from '../charts/labels';
import { causeById } from '../core/causes/taxonomy';
import { findings, findingText, scopeText } from '../core/findings';
import type { Analysis, Settings } from '../core/types';
import { formatNumber, formatPercent, hasMessage, type Locale, translate } from '../i18n';
import { formatDate } from './meta';
import { chartSvg, COLORS, newPdf, type Paper, pdfBlob, PdfWriter, PX, specTitle, strongText } from './pdf';

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
export const strategyCauses = (a: Analysis) => a.causes.filter((c) => causeById(c.id)?.strategies && c.id !== 'unclassified').slice(0, 4);

/** A message of the report's language, with its placeholders filled. */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What every section of the report reads, and the writer it draws with. */
interface ReportContext {
  analysis: Analysis;
  settings: Settings;
  locale: Locale;
  t: Translate;
  /** The client's name, trimmed ('' = not named). */
  client: string;
  writer: PdfWriter;
}

/** The report, one section after another in reading order; progress after the key figures, each chart, and the rest. */
export async function buildReport(input: ReportInput): Promise<Blob> {
  const report = startReport(input);
  const charts = CHARTS.filter((chart) => chart.hasData(report.analysis));
  const stepDone = progressCounter(charts.length + 2, input.onProgress);
  writeTitlePage(report, input.now ?? new Date());
  writeFindings(report);
  writeKeyFigures(report);
  stepDone();
  await writeCharts(report, charts, stepDone);
  writeCauseTable(report);
  writeStrategies(report);
  writeAtRisk(report);
  writeAppendix(report);
  stepDone();
  writePageFurniture(report);
  return pdfBlob(report.writer.doc);
}

/** Counts the steps done of `total` and tells `onProgress` after each one. */
function progressCounter(total: number, onProgress: ReportInput['onProgress']): () => void {
  let done = 0;
  return () => onProgress?.(++done, total);
}

/** Let the page paint the progress between heavy steps. */
const yieldToPage = () => new Promise((ok) => setTimeout(ok, 0));

/** The document with its properties and language, and the writer that fills it. */
function startReport(input: ReportInput): ReportContext {
  const { analysis, settings, locale } = input;
  const t: Translate = (key, params) => translate(locale, key, params);
  const client = input.client.trim();
  const doc = newPdf(input.paper);
  const report: ReportContext = { analysis, settings, locale, t, client, writer: new PdfWriter(doc) };
  doc.setDocumentProperties({ title: titleWithClient(report), subject: t('report.subtitle'), creator: 'churnlens' });
  doc.setLanguage(locale === 'en' ? 'en-US' : locale === 'zh-Hans' ? 'zh-CN' : 'zh-TW');
  return report;
}

/** "Customer churn analysis · ACME", or the title alone when the client is not named. */
const titleWithClient = ({ t, client }: ReportContext): string => (client ? `${t('report.title')} · ${client}` : t('report.title'));

/** 1. Title page: the title, who it is for, the dates, the data sources and the definitions in force. */
function writeTitlePage(report: ReportContext, now: Date): void {
  const { analysis, locale, t, client, writer } = report;
  const { doc } = writer;
  doc.setFontSize(10);
  doc.setTextColor(COLORS.accent);
  strongText(doc, 'churnlens', writer.left, writer.y + 9);
  writer.y += 110;
  doc.setFontSize(28);
  doc.setTextColor(COLORS.text);
  const titleLines = writer.lines(t('report.title'), 28);
  strongText(doc, titleLines, writer.left, writer.y + 25);
  writer.y += titleLines.length * 28 * 1.3 + 4;
  writer.paragraph(t('report.subtitle'), { size: 13, color: COLORS.muted, after: 28 });
  doc.setDrawColor(COLORS.accent);
  doc.setLineWidth(2);
  doc.line(writer.left, writer.y, writer.left + 60, writer.y);
  writer.y += 24;
  writer.paragraph(t('report.preparedFor'), { size: 10, color: COLORS.muted, after: 0 });
  writer.paragraph(client || t('report.noClient'), { size: 18, after: 14 });
  writer.table(
    [
      { header: t('report.date'), width: 1 },
      { header: t('report.asOf'), width: 1 },
    ],
    [[formatDate(locale, now), analysis.asOf]],
    { size: 10 },
  );
  writer.heading(t('report.sources'), 2);
  writer.table(
    [
      { header: t('report.file'), width: 3 },
      { header: t('report.kind'), width: 1.6 },
      { header: t('report.rows'), width: 1, align: 'right' },
      { header: t('report.encoding'), width: 1.1 },
    ],
    analysis.inputs.map((file) => [file.file, t(`kind.${file.kind}`), formatNumber(locale, file.rows), file.encoding]),
  );
  writer.heading(t('report.definitions'), 2);
  writer.table(
    [
      { header: t('report.setting'), width: 1.2 },
      { header: t('report.value'), width: 3 },
    ],
    definitionRows(analysis, report.settings, locale),
  );
}

/** 2. The findings in words (the Overview's), on a new page. */
function writeFindings({ analysis, locale, t, writer }: ReportContext): void {
  writer.newPage();
  writer.heading(t('report.findings'));
  writer.paragraph(scopeText(analysis, locale), { size: 9.5, color: COLORS.muted, after: 6 });
  for (const finding of findings(analysis)) {
    writer.paragraph(findingText(finding, analysis, locale), { size: 10.5, indent: 14, bullet: '•', after: 5 });
  }
  writer.gap(8);
}

/** Key-figure boxes per row, the gap between them, and each box's height. */
const KPI_COLUMNS = 3;
const KPI_GAP_X = 10;
const KPI_BOX_HEIGHT = 54;

/** 2. The key figures as boxes, three to a row, then the rule and the controllable share in words. */
function writeKeyFigures({ analysis, locale, t, writer }: ReportContext): void {
  const { doc } = writer;
  writer.heading(t('report.kpis'));
  const kpis = kpiItems(analysis, locale);
  const boxWidth = (writer.contentWidth - (KPI_COLUMNS - 1) * KPI_GAP_X) / KPI_COLUMNS;
  kpis.forEach(({ label, value }, index) => {
    const x = writer.left + (index % KPI_COLUMNS) * (boxWidth + KPI_GAP_X);
    const y = writer.y + Math.floor(index / KPI_COLUMNS) * (KPI_BOX_HEIGHT + 10);
    doc.setDrawColor(COLORS.line);
    doc.setLineWidth(0.7);
    doc.roundedRect(x, y, boxWidth, KPI_BOX_HEIGHT, 4, 4, 'S');
    doc.setFontSize(9);
    doc.setTextColor(COLORS.muted);
    doc.text(label, x + 10, y + 17, { maxWidth: boxWidth - 20 });
    doc.setFontSize(18);
    doc.setTextColor(COLORS.text);
    strongText(doc, value, x + 10, y + 42);
  });
  writer.y += Math.ceil(kpis.length / KPI_COLUMNS) * (KPI_BOX_HEIGHT + 10) + 6;
  const { asOf, definition } = analysis;
  writer.paragraph(`${t('kpi.asOf', { asOf })} · ${t(definition.reason, { asOf, days: definition.inactiveDays })}`, {
    size: 9.5,
    color: COLORS.muted,
  });
  if (analysis.controllableShare !== null && hasStatedCauses(analysis)) {
    writer.paragraph(
      t('report.controllableSummary', {
        share: formatPercent(locale, analysis.controllableShare),
        benchmark: formatPercent(locale, analysis.benchmark.controllable, 0),
      }),
      { size: 9.5, color: COLORS.muted },
    );
  }
}

/** 3. Every chart of the dashboard that has data, each whole on a page, as wide as the text. */
async function writeCharts({ analysis, locale, t, writer }: ReportContext, charts: typeof CHARTS, stepDone: () => void): Promise<void> {
  writer.heading(t('report.charts'), 1, 200);
  for (const chart of charts) {
    await yieldToPage();
    const spec = chart.spec(analysis, locale);
    const svg = await chartSvg(spec, Math.round(writer.contentWidth / PX), locale);
    await writer.chart(svg, specTitle(spec), chartSummary(chart.id, analysis, locale));
    stepDone();
  }
}

/** 4. The causes, with controllable flags, counts and shares (only when some cause is stated). */
function writeCauseTable({ analysis, locale, t, writer }: ReportContext): void {
  if (causeGap(analysis)) return;
  const revenue = hasRevenue(analysis);
  const yesNo = (flag: boolean | null) => (flag === null ? '–' : flag ? t('report.yes') : t('report.no'));
  writer.heading(t('report.causes'));
  writer.table(
    [
      { header: t('report.cause'), width: 2.6 },
      { header: t('report.controllable'), width: 1.1 },
      { header: t('report.customers'), width: 1, align: 'right' },
      { header: t('report.share'), width: 0.9, align: 'right' },
      ...(revenue ? [{ header: t('report.lostRevenue'), width: 1.4, align: 'right' as const }] : []),
      { header: t('report.inferred'), width: 0.9, align: 'right' },
    ],
    analysis.causes.map((cause) => [
      causeLabel(analysis, cause.id, locale),
      yesNo(cause.controllable),
      formatNumber(locale, cause.customers),
      formatPercent(locale, cause.share),
      ...(revenue ? [formatNumber(locale, cause.revenue)] : []),
      cause.inferred ? formatNumber(locale, cause.inferred) : '–',
    ]),
  );
}

/** 5. What to do about the top causes (the taxonomy's advice; a renamed cause keeps its name). */
function writeStrategies({ analysis, locale, t, writer }: ReportContext): void {
  const top = strategyCauses(analysis);
  if (!top.length) return;
  writer.heading(t('report.strategies'));
  for (const cause of top) {
    const advice = causeById(cause.id)!;
    writer.heading(
      `${causeLabel(analysis, cause.id, locale)} · ${formatPercent(locale, cause.share)} · ${formatNumber(locale, cause.customers)}`,
      3,
      50,
    );
    writer.paragraph(advice.description[locale], { size: 9.5, color: COLORS.muted });
    writer.paragraph(`${t('strategy.signs')}: ${advice.signs[locale]}`, { size: 9.5 });
    if (cause.inferred) writer.paragraph(t('strategy.inferred', { count: cause.inferred }), { size: 9, color: COLORS.muted });
    for (const strategy of advice.strategies[locale]) writer.paragraph(strategy, { size: 9.5, indent: 14, bullet: '•', after: 2 });
    writer.gap(6);
  }
}

/** 6. The customers at risk, top 50 (warning signs need order activity: without it, left out). */
function writeAtRisk(report: ReportContext): void {
  const { analysis, locale, t, writer } = report;
  if (!analysis.definition.available.activity) return;
  const risk = analysis.atRisk;
  const shown = risk.list.slice(0, REPORT_AT_RISK);
  const revenue = hasRevenue(analysis);
  writer.heading(t('report.atRisk', { shown: shown.length, total: risk.customers }));
  writer.paragraph(t('risk.rule', { silent: risk.silentDays, window: risk.windowDays }), { size: 9, color: COLORS.muted });
  if (shown.length === 0) {
    writer.paragraph(t('risk.none'));
    return;
  }
  writer.paragraph(
    revenue
      ? t('risk.summary', { customers: risk.customers, revenue: formatNumber(locale, risk.revenue) })
      : t('risk.summaryNoRevenue', { customers: risk.customers }),
    { size: 9.5, after: 6 },
  );
  writer.table(
    [
      { header: t('risk.id'), width: 1 },
      { header: t('risk.name'), width: 2.4 },
      { header: t('risk.rep'), width: 0.9 },
      { header: t('risk.lastOrder'), width: 1.1 },
      { header: t('risk.daysSilent'), width: 0.9, align: 'right' },
      { header: t('risk.signal'), width: 1.5 },
      ...(revenue ? [{ header: t('risk.revenue'), width: 1.3, align: 'right' as const }] : []),
    ],
    atRiskRows(report, shown, revenue),
    { size: 8.5 },
  );
}

type AtRiskCustomer = Analysis['atRisk']['list'][number];

/** The at-risk table's rows: id, name, rep, last order, days silent, the warning signs, and revenue when the data has it. */
function atRiskRows({ locale, t }: ReportContext, customers: AtRiskCustomer[], revenue: boolean): string[][] {
  const signs = (customer: AtRiskCustomer) =>
    [customer.silent ? t('risk.silent') : '', customer.declining ? t('risk.declining') : ''].filter(Boolean).join(', ');
  return customers.map((customer) => [
    customer.id,
    customer.name,
    customer.rep,
    customer.lastOrder || '–', // '' when the customer has no order date (risk.ts)
    customer.daysSilent === null ? '–' : formatNumber(locale, customer.daysSilent),
    signs(customer),
    ...(revenue ? [formatNumber(locale, customer.revenue)] : []),
  ]);
}

/** 7. Appendix, on a new page: each file's column mapping, the settings, and the parts left out and why. */
function writeAppendix(report: ReportContext): void {
  const { analysis, locale, t, writer } = report;
  writer.newPage();
  writer.heading(t('report.appendix'));
  writer.heading(t('report.mapping'), 2);
  for (const file of analysis.inputs) {
    writer.heading(file.file, 3, 50);
    writer.paragraph(`${t('mapping.summary', { rows: file.rows, kind: t(`kind.${file.kind}`) })} · ${file.encoding}`, {
      size: 9,
      color: COLORS.muted,
    });
    const mapped = Object.entries(file.roles).filter(([, header]) => header);
    writer.table(
      [
        { header: t('report.role'), width: 1 },
        { header: t('report.column'), width: 2 },
      ],
      mapped.map(([role, header]) => [hasMessage(`role.${role}`) ? t(`role.${role}`) : role, String(header)]),
    );
  }
  writer.heading(t('report.settings'), 2);
  writer.table(
    [
      { header: t('report.setting'), width: 1.2 },
      { header: t('report.value'), width: 3 },
    ],
    settingRows(analysis, report.settings, locale),
  );
  const omitted = omittedParts(analysis, locale);
  if (omitted.length) {
    writer.heading(t('report.omitted'), 2);
    writer.paragraph(t('report.omittedIntro'), { size: 9.5, color: COLORS.muted });
    for (const part of omitted) {
      writer.paragraph(t('report.omittedRow', { what: part.what, why: part.why }), { size: 9.5, indent: 14, bullet: '•', after: 3 });
    }
  }
}

/** Page furniture, once every page exists: a running head after the title page, and "n / N" on every page. */
function writePageFurniture(report: ReportContext): void {
  const { t, writer } = report;
  const { doc } = writer;
  const runningHead = titleWithClient(report);
  writer.decorate((page, pages) => {
    doc.setFontSize(8);
    doc.setTextColor(COLORS.muted);
    if (page > 1) {
      doc.text(runningHead, writer.left, 34, { maxWidth: writer.contentWidth - 60 });
      doc.setDrawColor(COLORS.line);
      doc.setLineWidth(0.5);
      doc.line(writer.left, 40, writer.left + writer.contentWidth, 40);
    }
    const footerY = writer.pageHeight - 30;
    doc.text(t('report.footer'), writer.left, footerY);
    doc.text(t('report.page', { page: String(page), pages: String(pages) }), writer.left + writer.contentWidth, footerY, { align: 'right' });
  });
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
  const survival = s.survivalBy === 'none' ? t('settings.none') : s.survivalBy ? column(s.survivalBy) : t('settings.auto');
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
