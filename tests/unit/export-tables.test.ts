// The exported tables: exact rows on a small analysis, formula cells neutralised in CSV and
// .xlsx alike, numbers kept as numbers, the input not mutated.
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/core/ingest/parse';
import { atRiskTable, exportTable, lostTable, neutralise, reasonsTable, TABLE_IDS, xlsxData } from '../../src/export/tables';
import { toCsv } from '../../src/ui/csv';
import { analysis } from './analysis-fixture';

describe('lostTable', () => {
  it('has one row per churned customer, in English, without columns empty for everyone', () => {
    const t = lostTable(analysis, 'en');
    // No customer has a segment: that column is left out.
    expect(t.header).toEqual([
      'ID',
      'Name',
      'Region',
      'Sales rep',
      'Churn date',
      'Revenue lost',
      'Reason as written',
      'Cause',
      'Controllable?',
      'Based on',
    ]);
    expect(t.rows).toEqual([
      ['C1', '+Plus Co', 'North', 'Alice', '2024-02-01', 150.5, '=HYPERLINK("http://x","y")', 'Pricing (ours)', 'Controllable', 'reason as written'],
      ['C2', '@at', '', 'Bob', '2024-02-10', -20, '-minus', 'Customer circumstances', 'Uncontrollable', 'set for this customer'],
      ['C3', '\ttab', 'South', '', '', 0, '\rcr', 'Unclassified', 'Unclassified', 'no reason given'],
    ]);
  });

  it("names causes and flags in Chinese, and keeps the user's own cause names", () => {
    const t = lostTable(analysis, 'zh-Hans');
    expect(t.header[0]).toBe('编号');
    expect(t.rows.map((r) => r.slice(7, 9))).toEqual([
      ['Pricing (ours)', '可控'],
      ['客户自身原因', '不可控'],
      ['未分类', '未归类'],
    ]);
  });

  it('is empty without the full list (the page-sized analysis has none)', () => {
    expect(lostTable({ ...analysis, lost: undefined }, 'en').rows).toEqual([]);
  });
});

describe('reasonsTable and atRiskTable', () => {
  it('reasons: text, customers, cause, flag, confidence, revenue, set by you, rep left', () => {
    const t = reasonsTable(analysis, 'en');
    expect(t.header).toEqual([
      'Reason',
      'Customers',
      'Cause',
      'Controllable?',
      'Confidence',
      'Revenue lost',
      'Cause set by you',
      'Left after their rep',
    ]);
    expect(t.rows).toEqual([
      ['=HYPERLINK("http://x","y")', 2, 'Pricing (ours)', 'Controllable', 0.9, 200, 'no', 0],
      ['搬到外地了', 1, 'Customer circumstances', 'Uncontrollable', 0.8, 60, 'yes', 1],
    ]);
  });

  it('at risk: every customer of the list, numbers as numbers, signals as words', () => {
    const t = atRiskTable(analysis, 'en');
    expect(t.header).toEqual([
      'Customer ID',
      'Name',
      'Rep',
      'Region',
      'Last order',
      'Days silent',
      'silent',
      'declining',
      'Last 90 days',
      'Prior 90 days',
      'Revenue at stake',
    ]);
    expect(t.rows).toEqual([['K', 'Kilo', 'Alice', 'North', '2024-01-15', 76, 'yes', 'no', 0, 50, 120]]);
  });

  it('every table is built for every locale, and the analysis is not mutated', () => {
    const before = JSON.stringify(analysis);
    for (const id of TABLE_IDS)
      for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        const t = exportTable(id, analysis, l);
        expect(t.id).toBe(id);
        for (const r of t.rows) expect(r).toHaveLength(t.header.length);
      }
    expect(JSON.stringify(analysis)).toBe(before);
  });
});

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, want) => expect(neutralise(input)).toBe(want));

  it('CSV: risky text gets a quote, numbers (negative too) stay numbers, and it parses back', () => {
    const t = lostTable(analysis, 'en');
    const csv = toCsv(t.header, t.rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseDelimited(csv.slice(1), ',');
    expect(parsed.rows[0]).toEqual(t.header);
    const body = parsed.rows.slice(1).filter((r) => r.length > 1);
    expect(body.map((r) => r[1])).toEqual(["'+Plus Co", "'@at", "'\ttab"]);
    expect(body.map((r) => r[6])).toEqual(['\'=HYPERLINK("http://x","y")', "'-minus", "'\rcr"]);
    expect(body.map((r) => r[5])).toEqual(['150.5', '-20', '0']);
  });

  it('xlsx: text typed String and neutralised, numbers typed Number, blanks empty, header bold', () => {
    const t = lostTable(analysis, 'en');
    const data = xlsxData(t);
    expect(data[0][0]).toEqual({ type: String, value: 'ID', fontWeight: 'bold' });
    expect(data[1]).toEqual([
      { type: String, value: 'C1' },
      { type: String, value: "'+Plus Co" },
      { type: String, value: 'North' },
      { type: String, value: 'Alice' },
      { type: String, value: '2024-02-01' },
      { type: Number, value: 150.5 },
      { type: String, value: '\'=HYPERLINK("http://x","y")' },
      { type: String, value: 'Pricing (ours)' },
      { type: String, value: 'Controllable' },
      { type: String, value: 'reason as written' },
    ]);
    expect(data[2][1]).toEqual({ type: String, value: "'@at" });
    expect(data[2][2]).toBeNull();
    expect(data[2][5]).toEqual({ type: Number, value: -20 });
    expect(data[2][6]).toEqual({ type: String, value: "'-minus" });
    expect(data[3][1]).toEqual({ type: String, value: "'\ttab" });
    expect(data[3][6]).toEqual({ type: String, value: "'\rcr" });
    // No cell is ever a formula.
    expect(data.flat().some((c) => c !== null && (c.type as unknown) === 'Formula')).toBe(false);
  });
});
