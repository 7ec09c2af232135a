import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestBytes, ingestText } from '../../../src/core/ingest/index';
import { guessKind, guessRoles, normHeader } from '../../../src/core/ingest/roles';
import type { FileKind, ParsedFile, Role } from '../../../src/core/types';
import { columnTexts } from '../texts';

/** role → header text, for readable expectations. */
const named = (p: Pick<ParsedFile, 'header' | 'roles'>): Partial<Record<Role, string>> =>
  Object.fromEntries(Object.entries(p.roles).map(([role, c]) => [role, p.header[c]]));

const csv = (header: string[], rows: string[][]): string => [header, ...rows].map((r) => r.join(',')).join('\n');

describe('normHeader', () => {
  const cases = [
    { input: '年销售额（元）', expected: '年销售额' },
    { input: 'Customer ID', expected: 'customerid' },
    { input: 'cust_id', expected: 'custid' },
    { input: 'Revenue ($)', expected: 'revenue' },
    { input: 'Ｃｕｓｔｏｍｅｒ　ＩＤ', expected: 'customerid' },
    { input: 'Order No.', expected: 'orderno' },
  ];
  for (const c of cases) it(`${c.input} → ${c.expected}`, () => expect(normHeader(c.input)).toBe(c.expected));
});

describe('guessRoles from headers and values', () => {
  it('Simplified Chinese customer list', () => {
    const p = ingestText(
      'c.csv',
      csv(
        [
          '客户编号',
          '客户名称',
          '销售代表',
          '区域',
          '行业',
          '客户等级',
          '首次合作日期',
          '最后下单日期',
          '状态',
          '流失日期',
          '流失原因',
          '年销售额（元）',
          '备注',
        ],
        [
          ['KH001', '华东贸易有限公司', '张伟', '华东', '制造', 'A', '2022-01-05', '2024/3/5', '已流失', '2024-04-01', '价格太高', '¥12000.00', ''],
          ['KH002', '南方科技有限公司', '李娜', '华南', '零售', 'B', '2022-02-05', '2024/11/5', '正常', '', '', '1.2万', '大客户'],
          ['KH003', '北方实业有限公司', '王强', '华北', '制造', 'A', '2023-01-05', '2023/12/5', '流失', '2024-01-20', '被竞争对手抢走', '8000', ''],
        ],
      ),
      'utf-8',
    );
    expect(p.kind).toBe('customers');
    expect(named(p)).toEqual({
      customerId: '客户编号',
      customerName: '客户名称',
      rep: '销售代表',
      region: '区域',
      segment: '行业',
      signupDate: '首次合作日期',
      lastOrderDate: '最后下单日期',
      status: '状态',
      churnDate: '流失日期',
      reason: '流失原因',
      revenue: '年销售额（元）',
    });
  });

  it('Traditional Chinese customer list', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['客戶編號', '客戶名稱', '業務員', '地區', '客戶類型', '簽約日期', '最近購買日期', '是否流失', '終止日期', '流失原因', '營收'],
        [
          ['C1', '臺北貿易', '陳志明', '北部', '製造', '2021/1/5', '2024/3/5', '是', '2024/4/1', '價格', 'NT$12,000'],
          ['C2', '高雄實業', '林美玲', '南部', '零售', '2022/2/5', '2024/9/5', '否', '', '', 'NT$8,000'],
        ],
      ),
      'big5',
    );
    expect(p.kind).toBe('customers');
    expect(named(p)).toEqual({
      customerId: '客戶編號',
      customerName: '客戶名稱',
      rep: '業務員',
      region: '地區',
      segment: '客戶類型',
      signupDate: '簽約日期',
      lastOrderDate: '最近購買日期',
      status: '是否流失',
      churnDate: '終止日期',
      reason: '流失原因',
      revenue: '營收',
    });
  });

  it('English customer list with abbreviations', () => {
    const p = ingestText(
      'c.csv',
      csv(
        [
          'cust_id',
          'Company',
          'Account Owner',
          'Country',
          'Tier',
          'Signup Date',
          'First Order',
          'Last Purchase',
          'Cancel Date',
          'Status',
          'Churn Reason',
          'ARR',
          'CLTV',
          'Tenure (months)',
        ],
        [
          ['A1', 'Acme', 'Ann', 'UK', 'Gold', '2021-01-05', '2021-01-10', '2024-03-05', '2024-04-01', 'Churned', 'Price', '$12,000', '40000', '38'],
          ['A2', 'Beta', 'Bob', 'US', 'Silver', '2022-02-05', '2022-02-06', '2024-09-05', '', 'Active', '', '$8,000', '30000', '30'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({
      customerId: 'cust_id',
      customerName: 'Company',
      rep: 'Account Owner',
      region: 'Country',
      segment: 'Tier',
      signupDate: 'Signup Date',
      firstOrderDate: 'First Order',
      lastOrderDate: 'Last Purchase',
      churnDate: 'Cancel Date',
      status: 'Status',
      reason: 'Churn Reason',
      revenue: 'ARR',
      tenure: 'Tenure (months)',
    });
  });

  it('Chinese order log: money is amount, a generic date is the order date', () => {
    const p = ingestText(
      'o.csv',
      csv(
        ['单号', '客户编号', '日期', '金额', '数量', '单价'],
        [
          ['D1', 'KH1', '2024/3/5', '100', '2', '50'],
          ['D2', 'KH1', '2024/4/5', '50', '1', '50'],
          ['D3', 'KH2', '2024/4/6', '80', '1', '80'],
        ],
      ),
      'gbk',
    );
    expect(p.kind).toBe('orders');
    expect(named(p)).toEqual({ orderId: '单号', customerId: '客户编号', orderDate: '日期', amount: '金额', quantity: '数量', unitPrice: '单价' });
  });

  it('an order log without order id or order-date header is told by repeating ids', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`C${i % 3}`, `2024-0${1 + (i % 9)}-01`, String(10 + i)]);
    const p = ingestText('o.csv', csv(['Customer ID', 'Date', 'Amount'], rows), 'utf-8');
    expect(p.kind).toBe('orders');
    expect(named(p)).toEqual({ customerId: 'Customer ID', orderDate: 'Date', amount: 'Amount' });
  });

  it('staff roster', () => {
    const p = ingestText(
      's.csv',
      csv(
        ['姓名', '区域', '入职日期', '离职日期'],
        [
          ['张伟', '华东', '2019-03-01', '2024-06-30'],
          ['李娜', '华南', '2020-07-01', ''],
        ],
      ),
      'utf-8',
    );
    expect(p.kind).toBe('staff');
    expect(named(p)).toEqual({ rep: '姓名', region: '区域', repJoinDate: '入职日期', repLeaveDate: '离职日期' });
  });

  it('ambiguous "Join date" / "Termination date" go to the customer roles in a customer list', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['Customer ID', 'Join Date', 'Termination Date'],
        [
          ['1', '2020-01-01', '2024-01-01'],
          ['2', '2021-01-01', ''],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: 'Customer ID', signupDate: 'Join Date', churnDate: 'Termination Date' });
  });

  it('values veto a header: a "status" of order states, a "date" of text', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['客户编号', '状态', '签约日期'],
        [
          ['1', '待审核', '下周'],
          ['2', '已发货', '不详'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: '客户编号' });
  });

  it('five-digit ids are ids, and Excel serial numbers confirm a date column', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['Customer ID', 'Signup Date', 'Status'],
        [
          ['45001', '45356', 'lost'],
          ['45002', '45357.25', 'active'],
          ['45003', '2024-03-07', 'active'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: 'Customer ID', signupDate: 'Signup Date', status: 'Status' });
  });

  it('a status column found from its values alone', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['客户编号', '标记'],
        [
          ['1', '已流失'],
          ['2', '正常'],
          ['3', '正常'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: '客户编号', status: '标记' });
  });

  it('a yes/no column is not a status without a churn header', () => {
    const p = ingestText(
      'c.csv',
      csv(
        ['customerID', 'PaperlessBilling'],
        [
          ['1', 'Yes'],
          ['2', 'No'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: 'customerID' });
  });

  it('each column takes one role and each role one column', () => {
    const header = ['客户编号', '客户ID', '状态', '是否流失'];
    const columns = [
      ['1', '2'],
      ['a', 'b'],
      ['流失', '正常'],
      ['是', '否'],
    ];
    const roles = guessRoles(header, columns);
    expect(roles).toEqual({ customerId: 0, status: 3 });
  });

  it('guessKind', () => {
    const cases: { roles: Parameters<typeof guessKind>[0]; columns: string[][]; expected: FileKind }[] = [
      { roles: { orderDate: 0 }, columns: [['2024-01-01']], expected: 'orders' },
      { roles: { orderId: 0 }, columns: [['1']], expected: 'orders' },
      {
        roles: { customerId: 0, status: 1 },
        columns: [
          ['1', '2'],
          ['是', '否'],
        ],
        expected: 'customers',
      },
      {
        roles: { customerId: 0, lastOrderDate: 1, revenue: 2 },
        columns: [
          ['1', '1', '1', '2'],
          ['2024-01-01', '2024-02-01', '2024-03-01', '2024-01-01'],
          ['1', '2', '3', '4'],
        ],
        expected: 'orders',
      },
      { roles: { rep: 0, repJoinDate: 1 }, columns: [['a'], ['2024-01-01']], expected: 'staff' },
      { roles: { rep: 0, repJoinDate: 1, customerId: 2 }, columns: [['a'], ['2024-01-01'], ['1']], expected: 'customers' },
    ];
    for (const c of cases) expect(guessKind(c.roles, c.columns)).toBe(c.expected);
  });
});

describe('ingestBytes end to end', () => {
  // 客户编号,客户名称,状态\r\nKH001,华东贸易有限公司,流失\r\n in GBK (see decode.test.ts)
  const GBK_FILE = [
    0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd7, 0xb4, 0xcc, 0xac, 0x0d, 0x0a,
    0x4b, 0x48, 0x30, 0x30, 0x31, 0x2c, 0xbb, 0xaa, 0xb6, 0xab, 0xc3, 0xb3, 0xd2, 0xd7, 0xd3, 0xd0, 0xcf, 0xde, 0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xc1,
    0xf7, 0xca, 0xa7, 0x0d, 0x0a,
  ];
  const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));

  it('a GBK export with a title, a blank line and more rows', () => {
    const bytes = new Uint8Array([...ascii('Churn report 2024\r\n\r\n'), ...GBK_FILE, ...ascii('KH002,Beta Ltd,0\r\n')]);
    const p = ingestBytes('客户.csv', bytes);
    expect({ ...p, columns: columnTexts(p) }).toMatchObject({
      file: '客户.csv',
      kind: 'customers',
      encoding: 'gbk',
      delimiter: ',',
      header: ['客户编号', '客户名称', '状态'],
      columns: [
        ['KH001', 'KH002'],
        ['华东贸易有限公司', 'Beta Ltd'],
        ['流失', '0'],
      ],
      rowCount: 2,
      lineOf: [4, 5],
      skipped: { title: 1, blank: 1, totals: 0, repeatedHeader: 0 },
      issues: [],
    });
    expect(named(p)).toEqual({ customerId: '客户编号', customerName: '客户名称', status: '状态' });
  });

  it('reports malformed quotes with their line', () => {
    const p = ingestText('q.csv', 'id,name\n1,a\n2,"b\n3,c\n', 'utf-8');
    expect(p.issues).toEqual([{ code: 'malformed-quotes', file: 'q.csv', row: 3, params: { count: 1 } }]);
  });

  it('honours an explicit encoding', () => {
    const p = ingestBytes('x.csv', new Uint8Array(GBK_FILE), { encoding: 'gb18030' });
    expect(p.encoding).toBe('gb18030');
    expect(p.header).toEqual(['客户编号', '客户名称', '状态']);
  });
});

const dataDir = new URL('../../../../shared/data/', import.meta.url);
const haveData = existsSync(fileURLToPath(dataDir));
if (!haveData) console.warn(`\n*** shared data not found at ${fileURLToPath(dataDir)}: real-data role tests are SKIPPED ***\n`);

describe.skipIf(!haveData)('real data (read in place from shared/data)', () => {
  const load = (name: string): ParsedFile => ingestBytes(name, new Uint8Array(readFileSync(new URL(name, dataDir))));

  it('telco-ibm.csv: customer list with a Yes/No churn column', () => {
    const p = load('telco-ibm.csv');
    expect(p).toMatchObject({ kind: 'customers', encoding: 'utf-8', delimiter: ',', rowCount: 7043 });
    expect(p.skipped).toEqual({ title: 0, blank: 0, totals: 0, repeatedHeader: 0 });
    expect(named(p)).toEqual({
      customerId: 'customerID',
      status: 'Churn',
      tenure: 'tenure',
      revenue: 'MonthlyCharges',
      segment: 'Contract',
    });
    expect(p.columns.length).toBe(21);
    expect(p.columns[0].get(0)).toBe('7590-VHVEG');
  });

  it('telco-ibm-reasons.csv: reasons, a tenure in months and revenue over CLTV', () => {
    const p = load('telco-ibm-reasons.csv');
    expect(p).toMatchObject({ kind: 'customers', rowCount: 7043 });
    expect(named(p)).toEqual({
      customerId: 'CustomerID',
      status: 'Churn Label',
      tenure: 'Tenure Months',
      revenue: 'Monthly Charges',
      reason: 'Churn Reason',
      segment: 'Contract',
      region: 'City', // Country and State hold one value each
    });
    // The quoted "Lat Long" cell holds a comma.
    expect(p.columns[p.header.indexOf('Lat Long')].get(0)).toBe('33.964131, -118.272783');
  });

  it('online-retail-germany.csv: order log', () => {
    const p = load('online-retail-germany.csv');
    expect(p).toMatchObject({ kind: 'orders', rowCount: 9495 });
    expect(named(p)).toEqual({
      orderId: 'InvoiceNo',
      orderDate: 'InvoiceDate',
      quantity: 'Quantity',
      unitPrice: 'UnitPrice',
      customerId: 'CustomerID',
      region: 'Country',
    });
    expect(p.lineOf?.slice(0, 3)).toEqual([2, 3, 4]);
  });
});

describe('roles from header words and values (issue 10)', () => {
  it('客户状态 of 正常合作 / 已流失, 最后进货日期 of 2024年12月8日 and 年采购额(元)', () => {
    const p = ingestText(
      'd.csv',
      csv(
        ['客户编号', '客户状态', '最后进货日期', '年采购额(元)'],
        [
          ['D1', '正常合作', '2024年12月8日', '1,234.00'],
          ['D2', '已流失', '2024年3月1日', '800.00'],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: '客户编号', status: '客户状态', lastOrderDate: '最后进货日期', revenue: '年采购额(元)' });
  });

  it('a column whose values say lost and active is the status, whatever its header (Salesforce Type)', () => {
    const p = ingestText(
      'a.csv',
      csv(
        ['Account Name', 'Type', 'Industry'],
        [
          ['Acme', 'Customer - Direct', 'Retail'],
          ['Beta', 'Former Customer', 'Retail'],
          ['Core', 'Customer - Channel', 'Energy'],
        ],
      ),
      'utf-8',
    );
    // No id column: the account name is the key.
    expect(named(p)).toEqual({ customerId: 'Account Name', status: 'Type', segment: 'Industry' });
  });

  it('an order log: the order status is the row state, a deal close date the order date', () => {
    const rows = Array.from({ length: 9 }, (_, i) => [
      `Acct ${i % 3}`,
      ['Closed Won', 'Closed Lost', 'Prospecting'][i % 3],
      `${1000 + i}`,
      `2024-0${1 + i}-15`,
    ]);
    const p = ingestText('o.csv', csv(['Account Name', 'Stage', 'Amount', 'Close Date'], rows), 'utf-8');
    expect(p.kind).toBe('orders');
    expect(named(p)).toEqual({ customerId: 'Account Name', status: 'Stage', amount: 'Amount', orderDate: 'Close Date' });
    const w = ingestText(
      'w.csv',
      csv(
        ['Order ID', 'Order Date', 'Order Status', 'Order Total', 'Customer User ID'],
        [
          ['1', '2024-01-02', 'completed', '10', '7'],
          ['2', '2024-01-03', 'refunded', '5', '7'],
        ],
      ),
      'utf-8',
    );
    expect(named(w)).toEqual({
      orderId: 'Order ID',
      orderDate: 'Order Date',
      status: 'Order Status',
      amount: 'Order Total',
      customerId: 'Customer User ID',
    });
  });

  it('of a coarse and a detailed reason column, the detailed one is the reason', () => {
    const rows = Array.from({ length: 8 }, (_, i) => [
      `C${i}`,
      i < 6 ? 'Yes' : 'No',
      i < 6 ? ['Price', 'Competitor'][i % 2] : '',
      i < 6 ? `detail ${i}` : '',
    ]);
    const p = ingestText('t.csv', csv(['Customer ID', 'Churn', 'Category', 'Reason'], rows), 'utf-8');
    expect(named(p)).toEqual({ customerId: 'Customer ID', status: 'Churn', reasonCategory: 'Category', reason: 'Reason' });
  });

  it('a category alone is the reason', () => {
    const p = ingestText(
      't.csv',
      csv(
        ['Customer ID', 'Churn', 'Churn Category'],
        [
          ['1', 'Yes', 'Price'],
          ['2', 'No', ''],
        ],
      ),
      'utf-8',
    );
    expect(named(p)).toEqual({ customerId: 'Customer ID', status: 'Churn', reason: 'Churn Category' });
  });

  it('a status header of yes/no says nothing unless it is churn-like; 0/1 under Exited does', () => {
    expect(
      named(
        ingestText(
          's.csv',
          csv(
            ['Customer ID', 'Status'],
            [
              ['1', '1'],
              ['2', '0'],
            ],
          ),
          'utf-8',
        ),
      ),
    ).toEqual({ customerId: 'Customer ID' });
    expect(
      named(
        ingestText(
          's.csv',
          csv(
            ['Customer ID', 'Exited'],
            [
              ['1', '1'],
              ['2', '0'],
            ],
          ),
          'utf-8',
        ),
      ),
    ).toEqual({ customerId: 'Customer ID', status: 'Exited' });
  });

  it('money told by its values alone: the revenue of a customer list, the amount of an order log', () => {
    const money = ['¥1,234.50', '¥88.00', '¥5.00'];
    expect(guessRoles(['Customer ID', 'X'], [['C1', 'C2', 'C3'], money])).toEqual({ customerId: 0, revenue: 1 });
    const orderColumns = [['1', '2', '3'], ['C1', 'C1', 'C2'], ['2024-01-01', '2024-01-02', '2024-01-03'], money];
    const log = guessRoles(['Order ID', 'Customer ID', 'Order Date', 'X'], orderColumns);
    expect(log).toEqual({ orderId: 0, customerId: 1, orderDate: 2, amount: 3 });
  });

  it('no header names an id or a name: the leftmost column of unique codes is the key, not a column of counts', () => {
    const columns = [
      ['1', '2', '3'],
      ['KH001', 'KH002', 'KH003'],
      ['已流失', '正常', '正常'],
    ];
    expect(guessRoles(['n', 'ref', 'flag'], columns)).toEqual({ customerId: 1, status: 2 });
  });

  it('the kind follows the roles given: join and leave dates with no rep column are a customer list, with a name a staff roster', () => {
    // Both files read as a staff roster from their headers (join / leave dates, no customer id);
    // without a column for the rep, the dates are a customer's signup and churn.
    const joined = ['2024-01-10', '2024-02-11', '2024-03-12'];
    const left = ['', '2024-05-01', ''];
    const dates = [joined, left];
    const bare = guessRoles(['Join Date', 'Leave Date'], dates);
    expect(bare).toEqual({ signupDate: 0, churnDate: 1 });
    expect(guessKind(bare, dates)).toBe('customers');
    const named = [['Ann', 'Bo', 'Cy'], ...dates];
    const roster = guessRoles(['Name', 'Join Date', 'Leave Date'], named);
    expect(roster).toEqual({ rep: 0, repJoinDate: 1, repLeaveDate: 2 });
    expect(guessKind(roster, named)).toBe('staff');
  });

  it('guessKind gives the kind guessRoles decided', () => {
    const header = ['Customer ID', 'Date', 'Amount'];
    const columns = [
      ['C1', 'C1', 'C2', 'C1'],
      ['2024-01-01', '2024-02-01', '2024-02-03', '2024-03-01'],
      ['1', '2', '3', '4'],
    ];
    const roles = guessRoles(header, columns);
    expect(guessKind(roles, columns)).toBe('orders');
    expect(roles).toEqual({ customerId: 0, orderDate: 1, amount: 2 });
  });
});
