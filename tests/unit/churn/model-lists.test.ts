// A customer list into the customer model (src/core/model/customers.ts): what each column gives
// each customer, the status values and their counts, the tenure column, the rows without an id,
// and a CRM's "Annual Revenue" set aside when an order log says what the customer bought.
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../src/core/dates';
import { ingestText } from '../../../src/core/ingest/index';
import { buildCustomerModel } from '../../../src/core/model/customers';

const day = (iso: string) => dayOf(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10))!;

const LIST = [
  'customer_id,name,rep,signup_date,first_order_date,last_order_date,status,churn_date,reason,revenue,tenure_months',
  'K1,One,Ann,2023-01-01,2023-01-05,2024-03-01,Active,,,1200,14',
  'K2,Two,,,2023-02-10,2023-12-01,Churned,2024-01-15,too dear,300,10',
  ',Nobody,Bo,2023-01-01,,,Active,,,5,',
  'K3,Three,Cy,2023-03-01,,,Blue,,,,',
].join('\n');

describe('a customer list into the customer model', () => {
  const file = ingestText('customers.csv', LIST, 'utf-8');
  const m = buildCustomerModel([file]);

  it('one customer per id, the row without one counted and left out', () => {
    expect(file.kind).toBe('customers');
    expect(m.ids).toEqual(['K1', 'K2', 'K3']);
    expect(m.name).toEqual(['One', 'Two', 'Three']);
    expect(m.rep).toEqual(['Ann', '', 'Cy']);
    expect(m.reason).toEqual(['', 'too dear', '']);
    expect(m.issues).toEqual([{ code: 'rows-without-customer', file: 'customers.csv', params: { count: 1 } }]);
    expect(m.unattributed).toEqual({ customerRows: 1, orderRows: 0 });
  });

  it('days: the start is the signup, else the first order; the latest date of the list is its max day', () => {
    expect(Array.from(m.startDay)).toEqual([day('2023-01-01'), day('2023-02-10'), day('2023-03-01')]);
    expect(Array.from(m.firstOrderDay)).toEqual([day('2023-01-05'), day('2023-02-10'), NaN]);
    expect(Array.from(m.lastOrderDay)).toEqual([day('2024-03-01'), day('2023-12-01'), NaN]);
    expect(Array.from(m.churnDay)).toEqual([NaN, day('2024-01-15'), NaN]);
    expect(m.maxDay).toBe(day('2024-03-01'));
  });

  it('status: each distinct value once with the rows of customers holding it; a value the lexicon cannot place is -2', () => {
    expect(Array.from(m.status)).toEqual([0, 1, -2]);
    expect(Array.from(m.statusRef!)).toEqual([0, 1, 2]);
    expect(m.statusSources).toEqual([
      {
        file: 'customers.csv',
        column: 'status',
        index: 6,
        flavour: 'status',
        keys: ['active', 'churned', 'blue'],
        values: ['Active', 'Churned', 'Blue'],
        counts: [1, 1, 1],
        offset: 0,
      },
    ]);
  });

  it('revenue and tenure as numbers, the tenure column with the unit its header names and its range', () => {
    expect(Array.from(m.revenue)).toEqual([1200, 300, NaN]);
    expect(Array.from(m.tenure)).toEqual([14, 10, NaN]);
    expect(m.tenureSource).toEqual({
      file: 'customers.csv',
      column: 'tenure_months',
      index: 10,
      headerUnit: 'month',
      min: 10,
      max: 14,
      integers: true,
    });
    expect(m.has).toEqual({ status: true, churnDate: true, tenure: true, revenue: true, orders: false, lastOrder: true });
    expect(m.revenueFromOrders).toBe(false);
  });

  it('every column kept as text, with its role', () => {
    expect(m.columns.map((c) => [c.label, c.role])).toEqual(
      file.header.map((h, c) => [h, Object.keys(file.roles).find((r) => file.roles[r as 'rep'] === c)]),
    );
    expect(m.columns.find((c) => c.label === 'signup_date')!.values).toEqual(['2023-01-01', '', '2023-03-01']);
  });
});

describe("a CRM's Annual Revenue", () => {
  const list = ['customer_id,Annual Revenue', 'K1,5000000', 'K2,'].join('\n');
  const orders = ['order_id,customer_id,order_date,amount', 'O1,K1,2024-01-05,10', 'O2,K2,2024-02-01,7'].join('\n');

  it('is the revenue of a list read alone, and set aside for the purchases beside an order log', () => {
    expect(Array.from(buildCustomerModel([ingestText('c.csv', list, 'utf-8')]).revenue)).toEqual([5000000, NaN]);
    const both = buildCustomerModel([ingestText('c.csv', list, 'utf-8'), ingestText('o.csv', orders, 'utf-8')]);
    expect(Array.from(both.revenue)).toEqual([10, 7]);
    expect(both.revenueFromOrders).toBe(true);
  });
});
