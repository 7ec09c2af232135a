// The status lexicon: each value → lost / active / prospect / ignore, or null (reported, not guessed).
import { describe, expect, it } from 'vitest';
import { normStatusValue, orderStatusClassOf, statusClassOf } from '../../../src/core/ingest/status';
import type { StatusClass } from '../../../src/core/types';

describe('statusClassOf under a plain status header', () => {
  const cases: [string, StatusClass | null][] = [
    ['Stayed', 'active'],
    ['Churned', 'lost'],
    ['Joined', 'active'],
    ['Active', 'active'],
    ['Inactive', 'lost'],
    ['Cancelled', 'lost'],
    ['canceled', 'lost'],
    ['Closed', 'lost'],
    ['Lapsed', 'lost'],
    ['Suspended', 'lost'],
    ['Unpaid', 'lost'],
    ['past_due', 'active'], // Stripe retries a failed renewal: not lost until canceled
    ['trialing', 'active'], // Stripe: turns active by itself
    ['Lost', 'lost'],
    ['Won', 'active'],
    ['Closed Won', 'active'],
    ['Closed Lost', 'lost'],
    ['Former Customer', 'lost'],
    ['Customer - Direct', 'active'],
    ['Existing Customer', 'active'],
    ['Attrited Customer', 'lost'],
    ['Expired', 'lost'],
    ['正常合作', 'active'],
    ['合作中', 'active'],
    ['已流失', 'lost'],
    ['已流失客户', 'lost'],
    ['停止合作', 'lost'],
    ['暂停', 'lost'],
    ['冻结', 'lost'],
    ['注销', 'lost'],
    ['已注销', 'lost'],
    ['已解约', 'lost'],
    ['黑名单', 'lost'],
    ['沉睡客户', 'lost'],
    ['未流失', 'active'],
    ['不活跃', 'lost'],
    // not yet a customer
    ['Lead', 'prospect'],
    ['Prospect', 'prospect'],
    ['Trial', 'prospect'],
    ['Qualification', 'prospect'],
    ['意向客户', 'prospect'],
    ['潜在客户', 'prospect'],
    // rows to leave out
    ['Test', 'ignore'],
    ['测试', 'ignore'],
    // normalisation: case, width, Traditional, spaces
    ['  CHURNED ', 'lost'],
    ['Ｃｈｕｒｎｅｄ', 'lost'],
    ['已 流失', null],
    ['停止合作', 'lost'],
    ['終止合作', 'lost'],
    ['正常 合作', null],
    ['合作中。', 'active'],
    // yes/no say nothing under a plain status header
    ['Yes', null],
    ['1', null],
    ['是', null],
    // unknown: reported, not guessed
    ['待审核', null],
    ['Other', null],
    ['', null],
  ];
  it.each(cases)('%j → %s', (value, as) => expect(statusClassOf(value)).toBe(as));
});

describe('yes/no under a header that says what yes means', () => {
  it.each([
    ['Yes', 'churn', 'lost'],
    ['no', 'churn', 'active'],
    ['1', 'churn', 'lost'],
    ['0', 'churn', 'active'],
    ['TRUE', 'churn', 'lost'],
    ['是', 'churn', 'lost'],
    ['否', 'churn', 'active'],
    ['Y', 'churn', 'lost'],
    ['1', 'active', 'active'],
    ['0', 'active', 'lost'],
  ] as const)('%s under a %s header → %s', (value, flavour, as) => expect(statusClassOf(value, flavour)).toBe(as));
});

describe('order rows: a sale or not', () => {
  it.each([
    ['completed', 'active'],
    ['processing', 'active'],
    ['Closed Won', 'active'],
    ['已审核', 'active'],
    ['cancelled', 'lost'],
    ['refunded', 'lost'],
    ['Closed Lost', 'lost'],
    ['Qualification', 'prospect'],
    ['pending', 'prospect'],
    ['failed', 'ignore'],
    ['草稿', 'ignore'],
    ['whatever', null],
  ])('%s → %s', (value, as) => expect(orderStatusClassOf(value)).toBe(as));
});

it('normStatusValue keys values as Settings.statusValues stores them', () => {
  expect(normStatusValue(' Past_Due ')).toBe('past due');
  expect(normStatusValue('停止合作')).toBe('停止合作');
  expect(normStatusValue('終止合作')).toBe('终止合作');
  expect(normStatusValue('ＡＣＴＩＶＥ')).toBe('active');
});
