// The ingest corpus: the same kinds of client exports written in every encoding, delimiter, line
// break and layout churnlens must read with no settings touched, with what each must parse to.
// Seeded and pure: generateCorpus() returns the same bytes every time (scripts/gen-corpus.ts
// writes them to tests/fixtures/corpus/, tests/unit/ingest/corpus.test.ts asserts them).
import { createRng, type Rng } from './rng.ts';

export type Lang = 'en' | 'zhs' | 'zht';
type DateFmt = 'iso' | 'slash' | 'cn' | 'dmy' | 'mdy' | 'dot' | 'dMonY' | 'serial' | 'stamp';
type MoneyFmt = 'plain' | 'usd' | 'yen' | 'eu' | 'wan' | 'yuan' | 'paren';

export interface Expected {
  encoding: string;
  delimiter: string;
  kind: 'customers' | 'orders' | 'staff';
  rowCount: number;
  /** role → header text */
  roles: Record<string, string>;
  skipped: { title: number; blank: number; totals: number; repeatedHeader: number };
  /** role → parsed values: ISO dates or null, numbers or null, true/false for status, text otherwise. */
  values: Record<string, (string | number | boolean | null)[]>;
}

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
  expected: Expected;
}

// ---------------------------------------------------------------------------------------------
// Encoders for the legacy code pages, built from the platform's own decoders (WHATWG tables).

const tables = new Map<string, Map<string, number[]>>();

function tableOf(encoding: 'gbk' | 'big5'): Map<string, number[]> {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Map();
  const dec = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, [lead, trail]);
    }
  }
  tables.set(encoding, t);
  return t;
}

export function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  const out: number[] = [];
  if (encoding === 'utf-8') {
    if (bom) out.push(0xef, 0xbb, 0xbf);
    out.push(...new TextEncoder().encode(text));
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    if (bom) out.push(...(le ? [0xff, 0xfe] : [0xfe, 0xff]));
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (le) out.push(c & 0xff, c >> 8);
      else out.push(c >> 8, c & 0xff);
    }
  } else {
    const t = tableOf(encoding as 'gbk' | 'big5');
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if (c < 0x80) out.push(c);
      else {
        const b = t.get(ch);
        if (!b) throw new Error(`${ch} has no ${encoding} form`);
        out.push(...b);
      }
    }
  }
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------------------------
// Values

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

interface Day {
  y: number;
  m: number;
  d: number;
}

const iso = (t: Day): string => `${t.y}-${p2(t.m)}-${p2(t.d)}`;

function fmtDate(t: Day, f: DateFmt, r: Rng): string {
  switch (f) {
    case 'iso':
      return iso(t);
    case 'slash':
      return `${t.y}/${t.m}/${t.d}`;
    case 'cn':
      return `${t.y}年${t.m}月${t.d}日`;
    case 'dmy':
      return `${p2(t.d)}/${p2(t.m)}/${t.y}`;
    case 'mdy':
      return `${t.m}/${t.d}/${t.y}`;
    case 'dot':
      return `${t.y}.${p2(t.m)}.${p2(t.d)}`;
    case 'dMonY':
      return `${t.d}-${MONTHS[t.m - 1]}-${t.y}`;
    case 'serial':
      return String(Math.round(Date.UTC(t.y, t.m - 1, t.d) / 86_400_000) + 25569);
    case 'stamp':
      return `${iso(t)} ${p2(r.int(8, 18))}:${p2(r.int(0, 59))}:00`;
  }
}

function group(n: string, sep: string): string {
  return n.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** `cents` written in a money format; the value it must read back as. */
function fmtMoney(cents: number, f: MoneyFmt): { text: string; value: number } {
  const neg = cents < 0;
  const a = Math.abs(cents);
  const int = String(Math.floor(a / 100));
  const frac = p2(a % 100);
  const value = cents / 100;
  switch (f) {
    case 'plain':
      return { text: `${neg ? '-' : ''}${int}.${frac}`, value };
    case 'usd':
      return { text: `${neg ? '-' : ''}$${group(int, ',')}.${frac}`, value };
    case 'yen':
      return { text: `${neg ? '-' : ''}￥${group(int, ',')}.${frac}`, value }; // full-width, as GBK writes it
    case 'eu':
      return { text: `${neg ? '-' : ''}${group(int, '.')},${frac}`, value };
    case 'yuan':
      return { text: `${neg ? '-' : ''}${int}.${frac}元`, value };
    case 'paren':
      return { text: neg ? `(${group(int, ',')}.${frac})` : `${group(int, ',')}.${frac}`, value };
    case 'wan': {
      // Whole hundreds of yuan: 12300 → 1.23万, read back exactly.
      const yuan = Math.round(a / 10000) * 100;
      const w = yuan / 10000;
      return { text: `${neg ? '-' : ''}${w}万`, value: neg ? -yuan : yuan };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

const NAMES: Record<Lang, string[]> = {
  en: ['Acme Ltd', 'Bolt Inc', 'Core Co', 'Dyna plc', 'Echo GmbH', 'Flux LLC', 'Giga AG', 'Halo SA', 'Iris BV', 'Jade Pty'],
  zhs: [
    '华东贸易有限公司',
    '南方电子科技',
    '北京金石实业',
    '上海海通物流',
    '广州新华制造',
    '深圳天成软件',
    '杭州青山食品',
    '成都西南化工',
    '武汉长江机械',
    '苏州东方纺织',
  ],
  zht: [
    '臺北國際貿易',
    '新竹電子科技',
    '高雄港灣物流',
    '臺中精密機械',
    '桃園食品實業',
    '臺南紡織公司',
    '基隆海運',
    '嘉義農產',
    '彰化五金',
    '宜蘭資訊',
  ],
};
const REPS: Record<Lang, string[]> = {
  en: ['Alice', 'Bob', 'Carol'],
  zhs: ['王建国', '李静', '张伟'],
  zht: ['陳志明', '林淑惠', '黃俊傑'],
};
const REGIONS: Record<Lang, string[]> = {
  en: ['North', 'South', 'East'],
  zhs: ['华东', '华南', '华北'],
  zht: ['北區', '中區', '南區'],
};
const REASONS: Record<Lang, string[]> = {
  en: ['Too expensive, "switched" to a rival', 'Moved abroad', 'Service was slow\nand rude'],
  zhs: ['价格太高，转投竞品', '业务员离职了', '服务响应慢'],
  zht: ['價格太高，改用競品', '業務員離職了', '服務回應慢'],
};
const HEADERS: Record<Lang, string[]> = {
  en: ['Customer ID', 'Company', 'Sales Rep', 'Region', 'Signup Date', 'Last Order', 'Status', 'Churn Reason', 'Annual Revenue'],
  zhs: ['客户编号', '客户名称', '销售代表', '区域', '签约日期', '最后下单日期', '状态', '流失原因', '年销售额（元）'],
  zht: ['客戶編號', '客戶名稱', '業務員', '區域', '簽約日期', '最後下單日期', '狀態', '流失原因', '年銷售額'],
};
const ROLES = ['customerId', 'customerName', 'rep', 'region', 'signupDate', 'lastOrderDate', 'status', 'reason', 'revenue'];
const STATUS: Record<string, [string, string]> = {
  en: ['Churned', 'Active'],
  zhs: ['流失', '正常'],
  zht: ['失效', '有效'],
  yesno: ['Yes', 'No'],
  shifou: ['是', '否'],
};

interface Variant {
  file: string;
  encoding: string;
  bom: boolean;
  delimiter: string;
  eol: string;
  lang: Lang;
  date: DateFmt;
  money: MoneyFmt;
  status: keyof typeof STATUS;
  statusHeader?: string;
  title?: string[];
  totals?: boolean;
  trailingEmpty?: number;
  repeatHeaderAt?: number;
}

const VARIANTS: Variant[] = [
  { file: 'customers-utf8.csv', encoding: 'utf-8', bom: false, delimiter: ',', eol: '\n', lang: 'en', date: 'iso', money: 'usd', status: 'en' },
  {
    file: 'customers-utf8-bom.csv',
    encoding: 'utf-8',
    bom: true,
    delimiter: ';',
    eol: '\r\n',
    lang: 'zhs',
    date: 'dot',
    money: 'eu',
    status: 'zhs',
    title: ['客户流失明细表（2024年度）'],
  },
  {
    file: 'customers-gbk.csv',
    encoding: 'gbk',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    lang: 'zhs',
    date: 'cn',
    money: 'yen',
    status: 'zhs',
    title: ['某某公司客户流失明细表（2024年度）', '导出时间：2025年1月5日', ''],
    totals: true,
    trailingEmpty: 2,
  },
  {
    file: 'customers-big5.csv',
    encoding: 'big5',
    bom: false,
    delimiter: '|',
    eol: '\r',
    lang: 'zht',
    date: 'slash',
    money: 'yuan',
    status: 'zht',
    totals: true,
  },
  {
    file: 'customers-utf16le.txt',
    encoding: 'utf-16le',
    bom: true,
    delimiter: '\t',
    eol: '\r\n',
    lang: 'zhs',
    date: 'dmy',
    money: 'wan',
    status: 'shifou',
    statusHeader: '是否流失',
    repeatHeaderAt: 5,
  },
  {
    file: 'customers-utf16be.txt',
    encoding: 'utf-16be',
    bom: true,
    delimiter: '\t',
    eol: '\n',
    lang: 'en',
    date: 'mdy',
    money: 'plain',
    status: 'yesno',
    statusHeader: 'Churn',
    title: ['Customer churn report 2024', 'Exported on 2025-01-05'],
  },
  {
    file: 'customers-serial.csv',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    lang: 'en',
    date: 'serial',
    money: 'paren',
    status: 'en',
  },
];

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function customerList(v: Variant, r: Rng): CorpusFile {
  const n = 10;
  const header = [...HEADERS[v.lang]];
  if (v.statusHeader) header[6] = v.statusHeader;
  const rows: string[][] = [];
  const values: Expected['values'] = Object.fromEntries(ROLES.map((k) => [k, []]));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const signup: Day = { y: 2022, m: r.int(1, 12), d: i === 0 ? 23 : r.int(1, 28) }; // a day > 12 settles d/m order
    const last: Day = { y: 2024, m: r.int(1, 12), d: i === 1 ? 25 : r.int(1, 28) };
    const churned = i % 3 === 0;
    const money = fmtMoney(r.int(100_000, 9_000_000) * (v.money === 'paren' && i === 4 ? -1 : 1), v.money);
    sum += money.value;
    const reason = churned ? REASONS[v.lang][i % 3] : '';
    rows.push([
      `KH${String(i + 1).padStart(4, '0')}`,
      NAMES[v.lang][i],
      REPS[v.lang][i % 3],
      REGIONS[v.lang][i % 3],
      fmtDate(signup, v.date, r),
      fmtDate(last, v.date, r),
      STATUS[v.status][churned ? 0 : 1],
      reason,
      money.text,
    ]);
    values.customerId.push(`KH${String(i + 1).padStart(4, '0')}`);
    values.customerName.push(NAMES[v.lang][i]);
    values.rep.push(REPS[v.lang][i % 3]);
    values.region.push(REGIONS[v.lang][i % 3]);
    values.signupDate.push(iso(signup));
    values.lastOrderDate.push(iso(last));
    values.status.push(churned);
    values.reason.push(reason);
    values.revenue.push(money.value);
  }
  const lines: string[] = [];
  const pad = (cells: string[]) => [...cells, ...Array<string>(v.trailingEmpty ?? 0).fill('')];
  const line = (cells: string[]) =>
    pad(cells)
      .map((c) => quote(c, v.delimiter))
      .join(v.delimiter);
  let blank = 0;
  let title = 0;
  for (const t of v.title ?? []) {
    if (t === '') blank++;
    else title++;
    lines.push(t === '' ? '' : line([t, ...Array<string>(header.length - 1).fill('')]));
  }
  lines.push(line(header));
  rows.forEach((row, i) => {
    if (v.repeatHeaderAt === i) lines.push(line(header));
    lines.push(line(row));
  });
  if (v.totals)
    lines.push(
      line([
        v.lang === 'en' ? 'Total' : v.lang === 'zhs' ? '合计' : '合計',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        fmtMoney(Math.round(sum * 100), v.money).text,
      ]),
    );
  const text = lines.join(v.eol) + v.eol;
  return {
    name: v.file,
    bytes: encode(text, v.encoding, v.bom),
    expected: {
      encoding: v.encoding,
      delimiter: v.delimiter,
      kind: 'customers',
      rowCount: n,
      roles: Object.fromEntries(ROLES.map((k, c) => [k, header[c]])),
      skipped: { title, blank, totals: v.totals ? 1 : 0, repeatedHeader: v.repeatHeaderAt !== undefined ? 1 : 0 },
      values,
    },
  };
}

/** An order log of the customers above plus two ids no list holds; subtotals, a repeated header, blank lines. */
function orderLog(r: Rng): CorpusFile {
  const header = ['Invoice No', 'Customer ID', 'Invoice Date', 'Amount', 'Region'];
  const lines = [header.join(',') + ',,'];
  const values: Expected['values'] = { orderId: [], customerId: [], orderDate: [], amount: [] };
  let n = 0;
  for (let i = 0; i < 30; i++) {
    const id = i % 10 === 9 ? `ZZ${i}` : `KH${String((i % 7) + 1).padStart(4, '0')}`;
    const day: Day = { y: 2024, m: (i % 12) + 1, d: (i % 27) + 1 };
    const cents = i % 11 === 5 ? -r.int(1000, 50000) : r.int(1000, 500000);
    const money = fmtMoney(cents, 'paren');
    const inv = `INV${1000 + i}`;
    lines.push([inv, id, fmtDate(day, i % 2 ? 'stamp' : 'dMonY', r), quote(money.text, ','), REGIONS.en[i % 3], '', ''].join(','));
    values.orderId.push(inv);
    values.customerId.push(id);
    values.orderDate.push(iso(day));
    values.amount.push(money.value);
    n++;
    if (i === 9) lines.push(',Subtotal,,"1,000.00",,,');
    if (i === 14) lines.push('', header.join(',') + ',,');
  }
  lines.push('Grand total,,,"99,999.00",,,');
  return {
    name: 'orders-utf8.csv',
    bytes: encode(lines.join('\n') + '\n', 'utf-8', false),
    expected: {
      encoding: 'utf-8',
      delimiter: ',',
      kind: 'orders',
      rowCount: n,
      roles: { orderId: 'Invoice No', customerId: 'Customer ID', orderDate: 'Invoice Date', amount: 'Amount', region: 'Region' },
      skipped: { title: 0, blank: 1, totals: 2, repeatedHeader: 1 },
      values,
    },
  };
}

function staffRoster(): CorpusFile {
  const text = ['员工姓名,入职日期,离职日期', '王建国,2019-03-01,', '李静,2020-07-15,2024-05-31', '张伟,2021-01-04,'].join('\r\n') + '\r\n';
  return {
    name: 'staff-gbk.csv',
    bytes: encode(text, 'gbk', false),
    expected: {
      encoding: 'gbk',
      delimiter: ',',
      kind: 'staff',
      rowCount: 3,
      roles: { rep: '员工姓名', repJoinDate: '入职日期', repLeaveDate: '离职日期' },
      skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
      values: { rep: ['王建国', '李静', '张伟'], repJoinDate: ['2019-03-01', '2020-07-15', '2021-01-04'], repLeaveDate: [null, '2024-05-31', null] },
    },
  };
}

export function generateCorpus(seed = 20240305): CorpusFile[] {
  const r = createRng(seed);
  return [...VARIANTS.map((v) => customerList(v, r)), orderLog(r), staffRoster()];
}
