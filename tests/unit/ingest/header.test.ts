// Column names → words → roles (header.ts over vocabulary.ts), as real exports write them.
import { describe, expect, it } from 'vitest';
import { headerScores, headerWords, statusFlavourOf, tenureUnitOfHeader } from '../../../src/core/ingest/header';
import { guessRoles } from '../../../src/core/ingest/roles';

/** The best-scoring reading of a header alone, or null. */
function best(header: string): string | null {
  const s = [...headerScores(header)].sort((a, b) => b[1] - a[1]);
  return s.length ? s[0][0] : null;
}

describe('headerWords', () => {
  const cases: [string, string[], string[]][] = [
    ['客户状态', ['客户', '状态'], []],
    ['Customer Status', ['customer', 'status'], []],
    ['customerID', ['customer', 'id'], []],
    ['CUSTOMERID', ['customer', 'id'], []],
    ['MonthlyCharges', ['monthly', 'charges'], []],
    ['最后进货日期', ['最后', '进货', '日期'], []],
    ['年采购额(元)', ['年', '采购额'], ['元']],
    ['Canceled At (UTC)', ['canceled', 'at'], ['utc']],
    ['客戶編號', ['客户', '编号'], []],
    ['Tenure in Months', ['tenure', 'in', 'months'], ['months']],
  ];
  it.each(cases)('%s', (header, words, units) => {
    const w = headerWords(header);
    expect(w.tokens.map((t) => t.text)).toEqual(words);
    expect(w.units).toEqual(units);
  });
});

describe('the role a header names, by itself', () => {
  const cases: [string, string | null][] = [
    // status, as CRMs, ERPs and member systems name it
    ['客户状态', 'status'],
    ['Customer Status', 'status'],
    ['Account Status', 'status'],
    ['Lifecycle Stage', 'status'],
    ['会员状态', 'status'],
    ['合作状态', 'status'],
    ['Subscription Status', 'status'],
    ['Exited', 'status'],
    ['Attrition', 'status'],
    ['Attrition_Flag', 'status'],
    ['Churn Label', 'status'],
    ['是否流失', 'status'],
    ['禁用状态', 'status'],
    ['Order Status', 'orderStatus'],
    ['Lead Status', null],
    ['Churn Score', null],
    // dates
    ['最后进货日期', 'lastOrderDate'],
    ['最近消费时间', 'lastOrderDate'],
    ['Last Activity Date', 'lastOrderDate'],
    ['Canceled At (UTC)', 'churnDate'],
    ['停用日期', 'churnDate'],
    ['Created (UTC)', 'signupDate'],
    ['成为会员时间', 'signupDate'],
    ['发展日期', 'signupDate'],
    ['单据日期', 'orderDate'],
    ['Order Date', 'orderDate'],
    ['Close Date', 'closeDate'],
    // money
    ['年采购额(元)', 'revenue'],
    ['Annual Revenue', 'revenue'],
    ['Total Spent', 'money'],
    ['价税合计', 'money'],
    ['累计消费金额', 'money'],
    ['Total Orders', null],
    ['信用额度', null],
    // ids and names
    ['客户编码', 'customerId'],
    ['Customer ID', 'customerId'],
    ['Record ID', 'customerId'],
    ['客户手机号', 'customerId'],
    ['StockCode', null],
    ['Account Name', 'customerName'],
    ['Company owner', 'rep'],
    ['业务员', 'rep'],
    // reasons and their categories
    ['Churn Reason', 'reason'],
    ['Cancellation Feedback', 'reason'],
    ['流失原因', 'reason'],
    ['备注', 'reason'],
    ['Churn Category', 'reasonCategory'],
    ['流失类别', 'reasonCategory'],
    ['Category', 'segment'],
    // tenure
    ['Tenure', 'tenure'],
    ['Tenure in Months', 'tenure'],
    ['合作年限', 'tenure'],
    ['Months_on_book', 'tenure'],
    // nothing
    ['Count', null],
    ['PaperlessBilling', 'money'], // a weak reading, vetoed by its Yes/No values (see below)
  ];
  it.each(cases)('%s → %s', (header, role) => expect(best(header)).toBe(role));

  it('a weak reading is vetoed by the values', () => {
    expect(
      guessRoles(
        ['customerID', 'PaperlessBilling'],
        [
          ['1', '2'],
          ['Yes', 'No'],
        ],
      ),
    ).toEqual({ customerId: 0 });
  });
});

describe('what a header says about its values', () => {
  it.each([
    ['Churn', 'churn'],
    ['Exited', 'churn'],
    ['是否流失', 'churn'],
    ['禁用状态', 'churn'],
    ['IsActiveMember', 'active'],
    ['是否有效', 'active'],
    ['Status', 'status'],
    ['客户状态', 'status'],
  ])('%s: yes means %s', (header, flavour) => expect(statusFlavourOf(header)).toBe(flavour));

  it.each([
    ['Tenure (months)', 'month'],
    ['Tenure in Months', 'month'],
    ['tenure_mo', 'month'],
    ['在网月数', 'month'],
    ['合作年限', 'year'],
    ['Tenure (years)', 'year'],
    ['Tenure yrs', 'year'],
    ['合作天数', 'day'],
    ['Tenure (days)', 'day'],
    ['Tenure', null],
    ['网龄', null],
  ])('%s: tenure in %s', (header, unit) => expect(tenureUnitOfHeader(header)).toBe(unit));
});
