// npm run bench -- --browser [FILE…]: the built page (dist/index.html) opened from file:// in
// Debian's Chromium, as a user would: a file chosen in the file input, timed to the first chart
// and to every chart of the first screen, split into stages (marks the page and the worker leave
// on the page's performance timeline), with the main thread's long tasks and the renderer's peak
// memory; then a reload (the session restored from IndexedDB), and PapaParse parse-only (read,
// decode, split) on the same file in the same browser.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What the page records from the moment it opens: the file's choice, long tasks, the moment every
 * chart of the open section is drawn (checked once a frame). A string, not a function: tsx would
 * wrap a function's inner functions in a helper the page does not have.
 */
const PROBE = `
  window.__bench = { chosenAt: null, longTasks: [], shownAt: null, allDrawnAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that made them: what a long task was.
  window.__bench.frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 100) continue;
      const scripts = (e.scripts || []).map((x) => (x.sourceFunctionName || x.invoker || '?') + ' ' + Math.round(x.duration) + ' ms').join(', ');
      window.__bench.frames.push({ start: e.startTime, ms: Math.round(e.duration), blocking: Math.round(e.blockingDuration), scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') window.__bench.chosenAt = performance.now();
  }, true);
  // A dashboard with no chart on its first screen (no reasons: no cause charts) counts as drawn
  // when it shows.
  const poll = () => {
    const shown = document.querySelector('[data-testid=section-bar]') !== null;
    const charts = [...document.querySelectorAll('figure.chart')].filter((f) => f.offsetParent !== null);
    if (shown && window.__bench.shownAt === null) window.__bench.shownAt = performance.now();
    if (shown && charts.every((f) => f.dataset.rendered === 'true')) window.__bench.allDrawnAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
`;

interface Loaded {
  read: number;
  decode: number;
  parse: number;
  finish: number;
  analyze: number;
  pack: number;
  postedAt: number;
  receivedAt: number;
}

export interface BrowserRun {
  /** ms from the file chosen (or the reload) to … */
  firstChart: number;
  allCharts: number;
  stages: {
    read: number;
    decodeSplitColumns: number;
    decode: number;
    finish: number;
    analysis: number;
    pack: number;
    transfer: number;
    firstChart: number;
    allCharts: number;
  };
  /** Main-thread tasks over 50 ms: while the file was read and analysed, and while charts were drawn. */
  longTasks: { whileLoading: number[]; whileDrawing: number[] };
  /** Animation frames of 100 ms or more, with the scripts that made them. */
  longFrames: string[];
  peakRendererMB: number;
  peakBrowserMB: number;
}

/** Resident memory of the processes below this one (Chromium's), sampled every 50 ms. */
class MemorySampler {
  peakRenderer = 0;
  peakAll = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    this.peakRenderer = 0;
    this.peakAll = 0;
    this.timer = setInterval(() => this.sample(), 50);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const parent = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // the process ended
      }
    }
    const mine = (pid: number): boolean => {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
      return false;
    };
    let renderer = 0;
    let all = 0;
    for (const pid of parent.keys()) {
      if (!mine(pid)) continue;
      try {
        const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
        all += rss;
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderer += rss;
      } catch {
        // the process ended
      }
    }
    this.peakRenderer = Math.max(this.peakRenderer, renderer);
    this.peakAll = Math.max(this.peakAll, all);
  }
}

async function collect(page: Page, start: number, memory: MemorySampler): Promise<BrowserRun> {
  await page.waitForFunction(() => (window as unknown as { __bench: { allDrawnAt: number | null } }).__bench.allDrawnAt !== null, null, {
    timeout: Number(process.env.BENCH_TIMEOUT ?? 600_000),
    polling: 100,
  });
  memory.stop();
  const got = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { longTasks: { start: number; ms: number }[]; shownAt: number; allDrawnAt: number } }).__bench;
    const loaded = performance.getEntriesByName('churnlens:loaded').at(-1) as PerformanceMark | undefined;
    const charts = (performance.getEntriesByName('churnlens:chart') as PerformanceMark[]).map((m) => m.startTime);
    const frames = (window as unknown as { __bench: { frames: { start: number; ms: number; blocking: number; scripts: string }[] } }).__bench.frames;
    return {
      frames,
      longTasks: b.longTasks,
      shownAt: b.shownAt,
      allDrawnAt: b.allDrawnAt,
      loaded: loaded?.detail as Loaded | undefined,
      loadedAt: loaded?.startTime ?? 0,
      charts,
      origin: performance.timeOrigin,
    };
  });
  if (!got.loaded) throw new Error('the page left no churnlens:loaded mark');
  const l = got.loaded;
  // The first chart drawn; with none on the first screen, the dashboard shown.
  const drawn = got.charts.filter((t) => t >= got.loadedAt);
  const first = drawn.length ? Math.min(...drawn) : got.shownAt;
  const worker = l.read + l.parse + l.finish + l.analyze + l.pack;
  return {
    firstChart: first - start,
    allCharts: got.allDrawnAt - start,
    stages: {
      read: l.read,
      decodeSplitColumns: l.parse,
      decode: l.decode,
      finish: l.finish,
      analysis: l.analyze,
      pack: l.pack,
      transfer: l.receivedAt - l.postedAt,
      firstChart: first - got.loadedAt,
      allCharts: got.allDrawnAt - first,
      ...{ unaccounted: first - start - worker - (l.receivedAt - l.postedAt) - (first - got.loadedAt) },
    },
    longTasks: {
      whileLoading: got.longTasks.filter((t) => t.start >= start && t.start < got.loadedAt).map((t) => Math.round(t.ms)),
      whileDrawing: got.longTasks.filter((t) => t.start >= got.loadedAt).map((t) => Math.round(t.ms)),
    },
    longFrames: got.frames.filter((f) => f.start >= start).map((f) => `${f.ms} ms (blocking ${f.blocking})${f.scripts ? `: ${f.scripts}` : ''}`),
    peakRendererMB: memory.peakRenderer,
    peakBrowserMB: memory.peakAll,
  };
}

/** Choose the file in a fresh profile and time it to the charts; then reload and time the restore. */
async function appRun(
  browser: Browser,
  dist: string,
  path: string,
): Promise<{ load: BrowserRun; restore: BrowserRun & { startPageUsable: number } }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  const memory = new MemorySampler();
  await page.goto(pathToFileURL(join(dist, 'index.html')).href);
  await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
  memory.start();
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForFunction(() => (window as unknown as { __bench: { chosenAt: number | null } }).__bench.chosenAt !== null);
  const chosenAt = await page.evaluate(() => (window as unknown as { __bench: { chosenAt: number } }).__bench.chosenAt);
  const load = await collect(page, chosenAt, memory);
  // Let the session's save finish before the reload.
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .saving'), null, { timeout: 120_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  memory.start();
  await page.reload();
  // The start page is usable while the session is restored: the drop zone and the sample button answer.
  await page.waitForSelector('[data-testid=dropzone]', { state: 'visible', timeout: 60_000 });
  const startPageUsable = await page.evaluate(() => performance.now());
  const restore = await collect(page, 0, memory);
  await context.close();
  return { load, restore: { ...restore, startPageUsable } };
}

/** PapaParse parse-only in the same browser: read the chosen File, decode it, split it into rows. */
async function papaRun(browser: Browser, path: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('papaparse/papaparse.min.js') });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
  });
  await page.setInputFiles('input[type=file]', path);
  const ms = await page.evaluate(async () => {
    const file = (document.querySelector('input[type=file]') as HTMLInputElement).files![0];
    const t0 = performance.now();
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    const rows = (window as unknown as { Papa: { parse: (t: string, o: object) => { data: unknown[] } } }).Papa.parse(text, { skipEmptyLines: true })
      .data.length;
    const ms = performance.now() - t0;
    if (rows < 2) throw new Error('papa read nothing');
    return ms;
  });
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function browserBench(files: { label: string; path: string }[], runs = Number(process.env.BROWSER_RUNS ?? 3)): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nbrowser bench SKIPPED: ${CHROMIUM} missing (apt-get install chromium)`);
    return;
  }
  // The page as it is now: built into dist-bench unless CHURNLENS_DIST names a build.
  const dist = resolve(ROOT, process.env.CHURNLENS_DIST ?? 'dist-bench');
  if (!process.env.CHURNLENS_DIST) {
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    for (const { label, path } of files) {
      const papa: number[] = [];
      const loads: Awaited<ReturnType<typeof appRun>>[] = [];
      for (let i = 0; i < runs; i++) {
        papa.push(await papaRun(browser, path));
        loads.push(await appRun(browser, dist, path));
      }
      const pick = (f: (r: Awaited<ReturnType<typeof appRun>>) => number) => median(loads.map(f));
      const first = pick((r) => r.load.firstChart);
      const p = median(papa);
      const mid = loads.find((r) => r.load.firstChart === first)!;
      const s = mid.load.stages;
      const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
      console.log(`\nIn Chromium from file:// — ${label} (${basename(path)}), median of ${runs}`);
      console.log(`  PapaParse parse-only (read + decode + split)  ${fmt(p)} ms`);
      console.log(`  churnlens: chosen → first chart               ${fmt(first)} ms  (${(first / p).toFixed(2)}× PapaParse)`);
      console.log(`  churnlens: chosen → every chart on screen     ${fmt(pick((r) => r.load.allCharts))} ms`);
      console.log(
        `  stages (median run): read ${fmt(s.read)} · decode + split + columns ${fmt(s.decodeSplitColumns)} (decode ${fmt(s.decode)}) · finish ${fmt(s.finish)} · analysis ${fmt(s.analysis)} · pack ${fmt(s.pack)} · transfer ${fmt(s.transfer)} · first chart ${fmt(s.firstChart)} · rest of the charts ${fmt(s.allCharts)} · other ${fmt((s as unknown as { unaccounted: number }).unaccounted)}`,
      );
      console.log(
        `  main-thread tasks > 50 ms while loading: ${mid.load.longTasks.whileLoading.length ? mid.load.longTasks.whileLoading.join(', ') + ' ms' : 'none'}; while drawing: ${mid.load.longTasks.whileDrawing.length ? mid.load.longTasks.whileDrawing.join(', ') + ' ms' : 'none'}`,
      );
      console.log(`  frames ≥ 100 ms: ${mid.load.longFrames.join('; ') || 'none'}`);
      console.log(
        `  peak memory: renderer ${fmt(pick((r) => r.load.peakRendererMB))} MB, whole browser ${fmt(pick((r) => r.load.peakBrowserMB))} MB`,
      );
      console.log(
        `  reload (session restored from IndexedDB): start page usable ${fmt(pick((r) => r.restore.startPageUsable))} ms · first chart ${fmt(pick((r) => r.restore.firstChart))} ms · every chart ${fmt(pick((r) => r.restore.allCharts))} ms · tasks > 50 ms: ${mid.restore.longTasks.whileLoading.concat(mid.restore.longTasks.whileDrawing).join(', ') || 'none'} · peak renderer ${fmt(pick((r) => r.restore.peakRendererMB))} MB`,
      );
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  const paths = process.argv.slice(2);
  await browserBench(
    paths.map((p) => ({ label: basename(p), path: resolve(p) })),
    Number(process.env.BROWSER_RUNS ?? 3),
  );
}
