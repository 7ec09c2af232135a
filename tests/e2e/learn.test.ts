// The classifier learns from the user in the built page: a correction carries to every reason like
// it (another script, wording or language), the table says how many follow and can undo it; the
// review queue lists the uncertain reasons by revenue at stake and takes a choice from the keyboard.
// Each test drops the file in its own fresh app (harness.ts).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { reasonKey } from '../../src/core/causes/learn';
import { REVIEW_THRESHOLD, reviewQueue } from '../../src/core/causes/table';
import { ingestBytes } from '../../src/core/ingest/index';
import type { Analysis, Settings } from '../../src/core/types';
import { appTest, dropFiles, type Guarded, notReady, ready, settingsOf, useRig } from './harness';

const REASONS: [string, number][] = [
  ['太贵了', 900],
  ['太貴', 800],
  ['价格太贵了吧', 700],
  ['too pricey', 600],
  ['业务员离职了，没人跟进', 500],
  ['发货总是慢，投诉也没人管', 450],
  ['效果一般', 400],
  ['用的人少了', 380],
  ['觉得没必要', 360],
  ['不太合适', 340],
  ['decided to go another way', 320],
  ['too complicated for our team', 300],
  ['meh', 280],
  ['说不清', 200],
];
const lines = ['Customer ID,Name,Status,Churn Reason,Revenue'];
REASONS.forEach(([reason, revenue], k) => lines.push(`C${k + 1},Client ${k + 1},Churned,"${reason}",${revenue}`));
for (let k = 0; k < 20; k++) lines.push(`A${k + 1},Active ${k + 1},Active,,${100 + k}`);
const BYTES = new TextEncoder().encode(lines.join('\n') + '\n');
const FILE = { name: 'lost-clients.csv', bytes: [...BYTES] };
const expected = (settings: Partial<Settings>): Analysis => analyze([ingestBytes(FILE.name, BYTES)], { inactiveDays: 90, ...settings });

const row = (page: Page, text: string) =>
  page.locator('[data-testid=reasons-table] [data-testid=reason-row]', { has: page.locator('td.reason-text', { hasText: new RegExp(`^${text}$`) }) });
const causeOf = (page: Page, text: string) => row(page, text).locator('[data-testid=reason-cause]').inputValue();

/** A cause none of the price reasons has, so the move is visible. */
const TARGET = 'harsh-policy';
const PRICEY = ['太贵了', '太貴', '价格太贵了吧', 'too pricey'];

/** The file dropped on the start page, and the reasons table in the Causes section. */
async function dropFile(g: Guarded) {
  await g.page.locator('[data-testid=dropzone]').waitFor();
  await dropFiles(g.page, [FILE]);
  await g.page.locator('[data-testid=kpi-churned]').waitFor({ timeout: 30_000 });
  await g.page.click('[data-testid=section-link-causes]');
  await g.page.locator('[data-testid=reasons-table]').waitFor();
}

/** 太贵了 corrected to TARGET, once the page has it and the session keeps it. */
async function correctTooDear(page: Page) {
  await row(page, '太贵了').locator('[data-testid=reason-cause]').selectOption(TARGET);
  await expect.poll(async () => (await settingsOf(page)).reasonOverrides).toEqual({ 太贵了: TARGET });
  for (const t of PRICEY) await expect.poll(() => causeOf(page, t)).toBe(TARGET);
}

notReady('learn');

describe.skipIf(!ready).each(['file', 'http'] as const)('learning from corrections, from %s', (via) => {
  const rig = useRig();
  const it = appTest(rig, via, dropFile);
  const base = expected({});
  const cause = (t: string) => base.reasons.find((r) => r.text === t)!.cause;
  const target = TARGET;

  it('a correction of 太贵了 moves 太貴, 价格太贵了吧 and too pricey, and nothing else', async ({ g }) => {
    expect(PRICEY.map(cause)).not.toContain(target);
    await correctTooDear(g.page);
    expect(await row(g.page, '太贵了').locator('[data-testid=reason-followers]').innerText()).toBe('3 similar reason(s) follow this choice');
    expect(await row(g.page, 'too pricey').locator('[data-testid=reason-follows]').innerText()).toBe('follows “太贵了”');
    // Every other reason keeps the model's cause; the page's causes equal the core's on the saved settings.
    expect(await causeOf(g.page, '业务员离职了，没人跟进')).toBe(cause('业务员离职了，没人跟进'));
    const want = expected(await settingsOf(g.page));
    expect(want.causes.find((c) => c.id === target)!.customers).toBe(4 + (base.causes.find((c) => c.id === target)?.customers ?? 0));
  });

  it('undo brings every follower back to the model', async ({ g }) => {
    await correctTooDear(g.page);
    await row(g.page, '太贵了').locator('[data-testid=reason-undo]').click();
    await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides ?? {}).toEqual({});
    for (const t of PRICEY) await expect.poll(() => causeOf(g.page, t)).toBe(cause(t));
    expect(await g.page.locator('[data-testid=reason-follows]').count()).toBe(0);
  });

  it('the review queue lists the uncertain reasons by revenue at stake and takes a choice by key', async ({ g }) => {
    const queue = reviewQueue(base.reasons, REVIEW_THRESHOLD);
    expect(queue.length, 'the file has reasons the classifier is unsure of').toBeGreaterThan(1);
    const items = g.page.locator('[data-testid=review-queue] [data-testid=review-item]');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-text')))).toEqual(queue.map((r) => r.text));
    const badge = g.page.locator('[data-testid=review-badge]');
    expect(await badge.count()).toBe(1);
    // Keyboard only: Tab-order focus is on the first item's first choice; "1" takes it.
    const first = queue[0];
    await items.first().locator('[data-testid=review-choice]').first().focus();
    await g.page.keyboard.press('1');
    await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides?.[reasonKey(first.text)]).toBe(first.alternatives![0].cause);
    await expect.poll(() => items.first().getAttribute('data-text')).not.toBe(first.text);
    // The next item has the focus; "2" takes its second cause.
    const next = await items.first().getAttribute('data-text');
    const nextRow = queue.find((r) => r.text === next)!;
    await expect
      .poll(() => g.page.evaluate(() => document.activeElement?.closest('[data-testid=review-item]')?.getAttribute('data-text')))
      .toBe(next);
    await g.page.keyboard.press('2');
    await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides?.[reasonKey(next!)]).toBe(nextRow.alternatives![1].cause);
    // Both choices are kept: a reload restores them and the queue is shorter by at least two.
    await g.page.reload();
    await g.page.locator('[data-testid=review-queue]').waitFor({ timeout: 30_000 });
    const left = await items.count();
    expect(left).toBeLessThanOrEqual(queue.length - 2);
  });
});
