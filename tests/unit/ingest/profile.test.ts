// Column profiles: a dictionary column read by its codes profiles as its strings do; a value
// without a digit is never a date or a number (the shortcut the profile takes); a profile is made
// once per column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellColumn } from '../../../src/core/ingest/columns';
import { profileColumn } from '../../../src/core/ingest/profile';
import { parseDateValue, parseNumberValue } from '../../../src/core/ingest/values';

const cellOf = (values: string[], checkEvery?: number): CellColumn => {
  const c = new CellColumn(checkEvery);
  for (const v of values) c.push(v);
  return c;
};

const VALUES = [
  '',
  ' ',
  '　',
  'N/A',
  '-',
  '无',
  'null',
  '已流失',
  ' 已流失 ',
  '正常',
  'Active',
  'active ',
  'Churned',
  'yes',
  'no',
  '1',
  '0',
  '是',
  '否',
  'completed',
  'refunded',
  '2024-03-05',
  ' 2024-03-05',
  '2024/3/5',
  '２０２４年３月５日',
  '5 Mar 2024',
  'Mar 5, 2024',
  '45000',
  '45000.5',
  '¥1,234.50',
  '1.2万',
  '12.5%',
  '(1,234)',
  '１２３',
  '-0',
  '007',
  'KH0001',
  '7590-VHVEG',
  'cus_ABCDEFG',
  'abcdefab-abcd-abcd-abcd-abcdefabcdef',
  '华东',
  '客户 甲',
  'a, b',
  'x'.repeat(50),
  '123456789012345678',
];

describe('profileColumn', () => {
  it('a dictionary column profiles exactly as its strings do, whatever its values (fast-check)', () => {
    const value = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const col = cellOf(values);
        expect(col.kind).toBe('dict');
        expect(profileColumn(col)).toEqual(profileColumn([...values]));
      }),
      { numRuns: 300 },
    );
  });

  it('sampled rows of a long dictionary column (a step over 1) count as the strings do', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => VALUES[(i * 7919) % VALUES.length]);
    const p = profileColumn(cellOf(values));
    expect(p).toEqual(profileColumn([...values]));
    expect(p.step).toBe(5);
    expect(p.rows).toBe(4000);
  });

  it('number and text columns profile as their strings do', () => {
    const numbers = Array.from({ length: 9000 }, (_, i) => (i % 97 === 0 ? '' : i > 3000 && i % 89 === 0 ? 'n/a' : `${i * 3}.${i % 10}5`));
    const n = cellOf(numbers, 1024);
    expect(n.kind).toBe('number');
    expect(profileColumn(n)).toEqual(profileColumn([...numbers]));
    const texts = Array.from({ length: 9000 }, (_, i) => `备注 ${i} 号`);
    const t = cellOf(texts, 1024);
    expect(t.kind).toBe('text');
    expect(profileColumn(t)).toEqual(profileColumn([...texts]));
  });

  it('a value without a digit (ASCII or full-width) is neither a date nor a number (fast-check)', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.constantFrom(
        '年',
        '月',
        '日',
        '万',
        '元',
        '¥',
        '$',
        ',',
        '.',
        '-',
        '/',
        ' ',
        '%',
        '(',
        ')',
        'e',
        'E',
        'Mar',
        'k',
        'Infinity',
        'NaN',
        '０',
        '９',
        '１',
      ),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const v = parts.join('');
        if (/[0-9\uff10-\uff19]/.test(v)) return;
        expect(parseDateValue(v)).toBeNull();
        expect(parseNumberValue(v)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('is made once per column, and again when the column has grown', () => {
    const col = cellOf(['a', 'b']);
    const p = profileColumn(col);
    expect(profileColumn(col)).toBe(p);
    col.push('c');
    const q = profileColumn(col);
    expect(q).not.toBe(p);
    expect(q.distinct).toBe(3);
  });
});
