// The five files of issue 10, each built here byte by byte (GBK through the corpus encoder) and
// read with zero configuration: exact customers and churned counts, the roles read, the tenure
// unit; then files that lack a churn signal, and the questions they raise and how one answer
// settles each.
import { describe, expect, it } from 'vitest';
import { encode } from '../../../scripts/lib/corpus';
import { analyze } from '../../../src/core/analyze';
import { ingestBytes } from '../../../src/core/ingest/index';
import { type Analysis, DEFAULT_SETTINGS, type ParsedFile, type Settings } from '../../../src/core/types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const gbk = (text: string) => encode(text, 'gbk', false);
const read = (name: string, bytes: Uint8Array): ParsedFile => ingestBytes(name, bytes);
const roles = (a: Analysis, file: string) => a.inputs.find((i) => i.file === file)!.roles;
const run = (files: ParsedFile[], settings: Partial<Settings> = {}): Analysis => analyze(files, { ...DEFAULT_SETTINGS, ...settings });
const codes = (a: Analysis) => a.questions.map((q) => q.code);

describe('1. GBK dealer list: title and totals rows, 客户状态 正常合作/已流失, 2024年12月8日, 年采购额(元)', () => {
  // 20 dealers: every 4th (D004, D008 … D020) has left: 5 churned, 15 active.
  const rows = Array.from({ length: 20 }, (_, k) => {
    const n = k + 1;
    const lost = n % 4 === 0;
    return [
      `D${String(n).padStart(3, '0')}`,
      `经销商${n}号`,
      lost ? '已流失' : '正常合作',
      `2024年${1 + (n % 12)}月${n}日`,
      `${n * 1000}.00`,
      lost ? '价格太高' : '',
    ];
  });
  const text = [
    '某某公司经销商名录（2024年度）',
    '导出时间：2025年1月5日',
    '客户编号,客户名称,客户状态,最后进货日期,年采购额(元),流失原因',
    ...rows.map((r) => r.join(',')),
    '合计,,,,210000.00,',
  ].join('\r\n');
  const f = read('经销商.csv', gbk(text));

  it('reads the file as GBK with two title rows and a totals row left out', () => {
    expect({ encoding: f.encoding, rows: f.rowCount, skipped: f.skipped }).toEqual({
      encoding: 'gbk',
      rows: 20,
      skipped: { title: 2, blank: 0, totals: 1, repeatedHeader: 0 },
    });
  });

  it('finds the status, last-order date and revenue columns and counts 5 churned of 20', () => {
    const a = run([f]);
    expect(roles(a, '经销商.csv')).toMatchObject({
      customerId: '客户编号',
      status: '客户状态',
      lastOrderDate: '最后进货日期',
      revenue: '年采购额(元)',
      reason: '流失原因',
    });
    expect(a.customers).toEqual({ total: 20, churned: 5, active: 15, churnRate: 0.25 });
    // 1..20 thousand: 210,000 in all; the lost ones 4 + 8 + 12 + 16 + 20 = 60 thousand.
    expect(a.revenue).toEqual({ total: 210000, lost: 60000 });
    expect(a.definition.mode).toBe('status');
    expect(a.statusValues).toEqual([
      {
        file: '经销商.csv',
        column: '客户状态',
        values: [
          { value: '正常合作', key: '正常合作', count: 15, as: 'active', source: 'auto' },
          { value: '已流失', key: '已流失', count: 5, as: 'lost', source: 'auto' },
        ],
      },
    ]);
    expect(a.questions).toEqual([]);
  });
});

describe('2. Customer Status: Stayed / Churned / Joined', () => {
  // 12 customers: 3 Churned, 6 Stayed, 3 Joined (new: customers too).
  const status = ['Stayed', 'Churned', 'Joined', 'Stayed'];
  const lines = ['Customer ID,Gender,Customer Status,Monthly Charge'];
  for (let n = 1; n <= 12; n++) lines.push(`C${n},${n % 2 ? 'Male' : 'Female'},${status[n % 4]},${10 * n}`);
  const f = read('status.csv', utf8(lines.join('\n')));

  it('Churned is lost; Stayed and Joined are customers', () => {
    const a = run([f]);
    expect(roles(a, 'status.csv')).toMatchObject({ customerId: 'Customer ID', status: 'Customer Status', revenue: 'Monthly Charge' });
    expect(a.customers).toEqual({ total: 12, churned: 3, active: 9, churnRate: 0.25 });
    // Churned: n = 1, 5, 9 → 10 + 50 + 90.
    expect(a.revenue.lost).toBe(150);
    expect(a.statusValues![0].values.map((v) => [v.value, v.count, v.as])).toEqual([
      ['Stayed', 6, 'active'],
      ['Churned', 3, 'lost'],
      ['Joined', 3, 'active'],
    ]);
  });
});

describe('3. telco file with Churn Category and Churn Reason', () => {
  // 10 churned customers over 5 detailed reasons in 2 categories; 10 who stayed have neither.
  const detail: [string, string][] = [
    ['Competitor', 'Competitor offered more data'],
    ['Competitor', 'Competitor made better offer'],
    ['Competitor', 'Competitor had better devices'],
    ['Price', 'Price too high'],
    ['Price', 'Extra data charges'],
  ];
  const lines = ['Customer ID,Churn Label,Tenure in Months,Churn Category,Churn Reason'];
  for (let n = 1; n <= 20; n++) {
    const lost = n <= 10;
    const [cat, why] = lost ? detail[n % 5] : ['', ''];
    lines.push(`T${n},${lost ? 'Yes' : 'No'},${n * 3},${cat},${why}`);
  }
  const f = read('telco.csv', utf8(lines.join('\n')));

  it('the detailed column is the reason, the coarse one the reason category', () => {
    expect(Object.fromEntries(Object.entries(f.roles).map(([r, c]) => [r, f.header[c]]))).toMatchObject({
      status: 'Churn Label',
      reason: 'Churn Reason',
      reasonCategory: 'Churn Category',
      tenure: 'Tenure in Months',
    });
    const a = run([f]);
    expect(a.customers.churned).toBe(10);
    expect(a.reasons.map((r) => r.text).sort()).toEqual(detail.map(([, d]) => d).sort());
    expect(a.tenure).toEqual({ column: 'Tenure in Months', unit: 'month', source: 'header' });
    expect(a.survival.unit).toBe('month');
  });

  it('the category reaches the classifier as a hint: a customer with a category and no reason gets its cause', () => {
    const g = read(
      'hint.csv',
      utf8(
        [
          'Customer ID,Churn,Churn Category,Churn Reason',
          'A,Yes,Price,Price too high',
          'B,Yes,Price,',
          'C,Yes,Competitor,Competitor made better offer',
          'D,No,,',
          'E,Yes,Competitor,Competitor had better devices',
        ].join('\n'),
      ),
    );
    const a = run([g]);
    expect(a.lost!.map((l) => [l.id, l.cause, l.source])).toEqual([
      ['A', 'price', 'stated'],
      ['B', 'price', 'hint'],
      ['C', 'competitor', 'stated'],
      ['E', 'competitor', 'stated'],
    ]);
  });

  it('the category is a breakdown dimension', () => {
    const a = run([f], { groupBy: ['reasonCategory'] });
    expect(a.breakdowns.options).toContainEqual({ key: 'reasonCategory', label: 'Churn Category' });
    const groups = a.breakdowns.items[0].groups.map((g) => [g.group, g.customers, g.churned]);
    expect(groups.sort()).toEqual([
      ['', 10, 0],
      ['Competitor', 6, 6],
      ['Price', 4, 4],
    ]);
  });
});

describe('4. bank file: Tenure 0–10 in years, Exited 0/1', () => {
  // 11 customers, tenure 0..10 years; Exited for tenure 2, 5 and 8.
  const lines = ['RowNumber,CustomerId,Surname,Tenure,Balance,IsActiveMember,Exited'];
  for (let t = 0; t <= 10; t++) lines.push(`${t + 1},${15600000 + t},Name${t},${t},${t * 1000}.5,${t % 2},${t % 3 === 2 ? 1 : 0}`);
  const f = read('bank.csv', utf8(lines.join('\n')));

  it('Exited is the status; the tenure is read in years and said to be assumed', () => {
    const a = run([f]);
    expect(roles(a, 'bank.csv')).toMatchObject({ customerId: 'CustomerId', status: 'Exited', tenure: 'Tenure' });
    expect(a.customers).toEqual({ total: 11, churned: 3, active: 8, churnRate: 3 / 11 });
    expect(a.tenure).toEqual({ column: 'Tenure', unit: 'year', source: 'values' });
    expect(a.survival.unit).toBe('year');
    const q = a.questions.find((x) => x.code === 'tenure-unit-assumed')!;
    expect(q).toMatchObject({ role: 'tenure', file: 'bank.csv', column: 'Tenure', params: { unit: 'year', min: 0, max: 10 } });
    expect(q.candidates.map((c) => c.answer)).toEqual([{ tenureUnit: 'year' }, { tenureUnit: 'month' }, { tenureUnit: 'day' }]);
    expect(a.issues).toContainEqual({ code: 'tenure-unit-assumed', file: 'bank.csv', column: 'Tenure', params: q.params });
  });

  it('a tenure unit set by the user is used and not asked about', () => {
    const a = run([f], { tenureUnit: 'month' });
    expect(a.tenure).toEqual({ column: 'Tenure', unit: 'month', source: 'setting' });
    expect(a.survival.unit).toBe('month');
    expect(codes(a)).not.toContain('tenure-unit-assumed');
  });
});

describe('5. tab-separated GBK export with a status column and money 1,234.50元', () => {
  // 9 customers: 合作中 ×6, 停止合作 ×3 (n = 3, 6, 9).
  const lines = ['客户编号\t客户名称\t状态\t累计销售额'];
  for (let n = 1; n <= 9; n++) lines.push(`K${n}\t客户${n}\t${n % 3 ? '合作中' : '停止合作'}\t${n},234.50元`);
  const f = read('客户.txt', gbk(lines.join('\r\n')));

  it('reads tabs and GBK, the status and the money', () => {
    expect({ encoding: f.encoding, delimiter: f.delimiter }).toEqual({ encoding: 'gbk', delimiter: '\t' });
    const a = run([f]);
    expect(roles(a, '客户.txt')).toMatchObject({ customerId: '客户编号', status: '状态', revenue: '累计销售额' });
    expect(a.customers).toEqual({ total: 9, churned: 3, active: 6, churnRate: 1 / 3 });
    // 1,234.50 + 2,234.50 + … + 9,234.50 = 45,000 + 9 × 234.50
    expect(a.revenue.total).toBeCloseTo(47110.5, 6);
    expect(a.revenue.lost).toBeCloseTo(3234.5 + 6234.5 + 9234.5, 6);
  });
});

// ---------------------------------------------------------------------------------------------
// Files that lack a churn signal, and the questions they raise

describe('no churn signal: the question, its candidates, and the answers that settle it', () => {
  // 10 customers; 状态 holds 1 (7 rows) and 0 (3 rows): a status whose meaning the header does not say.
  const lines = ['客户名称,联系人,等级,状态,地址'];
  for (let n = 1; n <= 10; n++) lines.push(`公司${n},联系人${n},${'ABC'[n % 3]},${n <= 7 ? 1 : 0},某路${n}号`);
  const f = read('名录.csv', utf8(lines.join('\n')));

  it('asks which column says a customer was lost, 状态 first with its counts', () => {
    const a = run([f]);
    expect(a.definition.mode).toBe('none');
    expect(a.customers.churned).toBe(0);
    const q = a.questions.find((x) => x.code === 'no-churn-signal')!;
    expect(q.role).toBe('status');
    expect(q.candidates.map((c) => c.column)).toEqual(['状态', '等级']);
    expect(q.candidates[0]).toEqual({
      file: '名录.csv',
      column: '状态',
      index: 3,
      samples: [
        { value: '1', count: 7 },
        { value: '0', count: 3 },
      ],
      answer: { roleOverrides: { '名录.csv': { status: 3 } } },
    });
    expect(a.issues).toContainEqual({ code: 'no-churn-signal' });
  });

  it('one click on the candidate makes 状态 the status; its values are then asked about, not guessed', () => {
    const first = run([f]);
    const answer = first.questions[0].candidates[0].answer;
    const a = run([f], answer);
    expect(a.definition.mode).toBe('status');
    expect(a.statusValues).toEqual([
      {
        file: '名录.csv',
        column: '状态',
        values: [
          { value: '1', key: '1', count: 7, as: null, source: 'unknown' },
          { value: '0', key: '0', count: 3, as: null, source: 'unknown' },
        ],
      },
    ]);
    expect(a.customers.churned).toBe(0);
    const q = a.questions.find((x) => x.code === 'status-values-unknown')!;
    expect(q).toMatchObject({ file: '名录.csv', column: '状态', params: { count: 2, rows: 10, values: '1, 0' } });
    // One answer per meaning, for both values at once; no churn date says they are lost, so active first.
    expect(q.candidates.map((c) => c.answer)).toEqual(
      (['active', 'lost', 'prospect', 'ignore'] as const).map((as) => ({ statusValues: { '名录.csv': { '1': as, '0': as } } })),
    );
    expect(q.candidates[0].samples).toEqual([
      { value: '1', count: 7 },
      { value: '0', count: 3 },
    ]);
    expect(codes(a)).toContain('churn-all-zero');
  });

  it('the user says 0 means lost and 1 active: 3 churned of 10', () => {
    const a = run([f], { roleOverrides: { '名录.csv': { status: 3 } }, statusValues: { '名录.csv': { '0': 'lost', '1': 'active' } } });
    expect(a.customers).toEqual({ total: 10, churned: 3, active: 7, churnRate: 0.3 });
    expect(a.statusValues![0].values.map((v) => [v.value, v.as, v.source])).toEqual([
      ['1', 'active', 'user'],
      ['0', 'lost', 'user'],
    ]);
    expect(a.questions).toEqual([]);
  });

  it('prospect and ignore rows leave the customer base, and are counted', () => {
    const a = run([f], { roleOverrides: { '名录.csv': { status: 3 } }, statusValues: { '名录.csv': { '0': 'prospect', '1': 'active' } } });
    expect(a.customers).toEqual({ total: 7, churned: 0, active: 7, churnRate: 0 });
    expect(a.excluded).toEqual({ prospect: 3, ignore: 0 });
    expect(a.issues).toContainEqual({ code: 'status-excluded', file: '名录.csv', params: { prospect: 3, ignore: 0 } });
  });

  it('a contact list with nothing to choose still asks, with no candidate', () => {
    const c = read('contacts.csv', utf8(['Name,Email,Phone', 'Ann,ann@x.com,555-0101', 'Bob,bob@x.com,555-0102'].join('\n')));
    const a = run([c]);
    expect(a.questions).toEqual([{ code: 'no-churn-signal', role: 'status', candidates: [] }]);
  });
});

describe('the other questions', () => {
  it('status-values-unknown: values held by customers with a churn date are offered as lost first', () => {
    // HubSpot: each company that left has a Churn Date and its Lifecycle Stage set to Other.
    const f = read(
      'h.csv',
      utf8(
        ['Record ID,Lifecycle Stage,Churn Date', '1,Customer,', '2,Other,2024-05-01', '3,Evangelist,', '4,Other,2024-06-01', '5,Customer,'].join(
          '\n',
        ),
      ),
    );
    const a = run([f]);
    expect(a.customers).toMatchObject({ total: 5, churned: 2 });
    const q = a.questions.find((x) => x.code === 'status-values-unknown')!;
    expect(q.candidates.map((c) => c.answer)).toEqual(
      (['lost', 'active', 'prospect', 'ignore'] as const).map((as) => ({ statusValues: { 'h.csv': { other: as } } })),
    );
    expect(run([f], q.candidates[0].answer).questions).toEqual([]);
  });

  it('churn-all-one: every customer lost', () => {
    const f = read('all.csv', utf8(['客户编号,状态', 'A,已流失', 'B,已流失', 'C,流失'].join('\n')));
    const a = run([f]);
    expect(a.customers.churned).toBe(3);
    expect(a.questions.find((q) => q.code === 'churn-all-one')).toMatchObject({
      role: 'status',
      file: 'all.csv',
      column: '状态',
      params: { customers: 3, mode: 'status' },
    });
  });

  it('reasons-all-unclassified: no stated reason could be placed; the other text column is offered', () => {
    const f = read(
      'r.csv',
      utf8(
        [
          'Customer ID,Status,Churn Reason,Notes',
          'A,Churned,zzq,Found a cheaper supplier',
          'B,Churned,xkw,Prices went up too much',
          'C,Active,,ok',
        ].join('\n'),
      ),
    );
    const a = run([f]);
    const q = a.questions.find((x) => x.code === 'reasons-all-unclassified')!;
    expect(q).toMatchObject({ role: 'reason', file: 'r.csv', column: 'Churn Reason', params: { count: 2 } });
    expect(q.candidates[0]).toMatchObject({ column: 'Notes', index: 3, answer: { roleOverrides: { 'r.csv': { reason: 3 } } } });
  });

  it('role-unparsed: a chosen date column that holds no dates; the date column is offered', () => {
    const f = read('d.csv', utf8(['Customer ID,Status,Last Order,Region', 'A,Active,2024-03-01,North', 'B,Churned,2024-01-05,South'].join('\n')));
    const a = run([f], { roleOverrides: { 'd.csv': { lastOrderDate: 3 } } });
    const q = a.questions.find((x) => x.code === 'role-unparsed')!;
    expect(q).toMatchObject({ role: 'lastOrderDate', file: 'd.csv', column: 'Region', params: { role: 'lastOrderDate', bad: 2, total: 2 } });
    expect(q.candidates.map((c) => [c.column, c.answer])).toEqual([['Last Order', { roleOverrides: { 'd.csv': { lastOrderDate: 2 } } }]]);
  });

  it('questions and issues are plain data (they survive JSON)', () => {
    const f = read('all.csv', utf8(['客户编号,状态', 'A,正常', 'B,正常'].join('\n')));
    const a = run([f]);
    expect(codes(a)).toEqual(['churn-all-zero']);
    expect(JSON.parse(JSON.stringify(a.questions))).toEqual(a.questions);
  });
});
