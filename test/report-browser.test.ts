// The HTML report in a real browser (Chromium through playwright-core): it loads
// nothing but itself, logs no error, never scrolls sideways at phone or desktop
// width, draws every chart, and lists every indicator in the status table.
// Skipped only where Chromium is missing, and never in CI.
//
// Chromium's headless shell is taken where it is installed (Debian's chromium-headless-shell,
// what playwright itself runs for a headless browser; CI installs it): the same Blink lays the
// page out without the desktop browser around it, and the test's whole browser took 1.3–1.6 s
// of CPU instead of 4.5–5.1 s with /usr/bin/chromium, which is taken otherwise.
//
// To look at the shipped plan's report as the browser draws it (screenshots at both widths
// and the printed PDF, in out/screenshots/; not checks, and a few seconds of every run):
//   CIXI_PLAN_SCREENSHOTS=1 npx vitest run --config test/vitest.config.ts test/report-browser.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_PLAN, ROOT, run, tempDir } from './support/cli.js';

const CHROMIUM = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
const available = CHROMIUM !== undefined;
if (!available) {
  if (process.env.CI === 'true') throw new Error("/usr/bin/chromium-headless-shell is missing: CI must install Debian's chromium-headless-shell to test the HTML report");
  console.warn('report-browser: skipped, Chromium is not installed (apt-get install chromium-headless-shell)');
}

const WIDTHS = [390, 1280] as const;

/** The little of the browser's globals the checks use (the test program has no DOM types). */
interface Page {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number; clientWidth: number; lang: string };
    querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): { width: number; height: number } }>;
    querySelector(selector: string): object;
  };
  getComputedStyle(element: object): { breakInside: string; breakBefore: string; overflowX: string };
}
const SCREENSHOTS = join(ROOT, 'out', 'screenshots');
const WANT_SCREENSHOTS = process.env.CIXI_PLAN_SCREENSHOTS === '1';

const reports = new Map<string, Promise<{ file: string; indicators: number }>>();

/** A plan's 2024 report, written once for the file: its HTML file and number of indicators. */
function htmlReport(plan: string): Promise<{ file: string; indicators: number }> {
  if (!reports.has(plan)) reports.set(plan, writeHtmlReport(plan));
  return reports.get(plan)!;
}

async function writeHtmlReport(plan: string): Promise<{ file: string; indicators: number }> {
  const out = tempDir();
  const r = await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'html', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1740787200' } });
  if (r.code !== 0) throw new Error(r.stderr);
  const assessment = JSON.parse(readFileSync(join(out, '2024', 'assessment.json'), 'utf8')) as { indicators: unknown[] };
  return { file: join(out, '2024', 'report.html'), indicators: assessment.indicators.length };
}

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const plans = [
    { name: 'base plan', dir: BASE_PLAN, screenshots: false },
    { name: 'shipped plan', dir: join(ROOT, 'plan'), screenshots: WANT_SCREENSHOTS },
  ];

  for (const plan of plans) {
    // One page per plan, loaded at the first width and then resized to the next: a browser
    // context per width started a renderer process for each (about a second of CPU for the
    // four). A page resized to a width is laid out as one loaded at it, and whatever the new
    // width would fetch is caught as a request too.
    let opened: Promise<{ page: BrowserPage; url: string; requests: string[]; errors: string[]; indicators: number }> | undefined;
    const open = async (width: number) => {
      const { file, indicators } = await htmlReport(plan.dir);
      const url = pathToFileURL(file).href;
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const requests: string[] = [];
      await context.route('**/*', async (route) => {
        requests.push(route.request().url());
        if (route.request().url() === url) await route.continue();
        else await route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
      await page.goto(url, { waitUntil: 'load' });
      return { page, url, requests, errors, indicators };
    };
    afterAll(async () => {
      const done = await opened?.catch(() => undefined);
      await done?.page.context().close();
    });

    for (const width of WIDTHS) {
      it(`${plan.name} at ${width} px: only itself loaded, no console error, no sideways scroll, every chart drawn`, async () => {
        const { page, url, requests, errors, indicators } = await (opened ??= open(width));
        await page.setViewportSize({ width, height: 900 });
        const facts = await page.evaluate(() => {
          const { document, innerWidth } = globalThis as unknown as Page;
          return {
            innerWidth,
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            svgs: Array.from(document.querySelectorAll('svg'), (s) => {
              const box = s.getBoundingClientRect();
              return { width: box.width, height: box.height };
            }),
            statusRows: document.querySelectorAll('.status-table tbody tr').length,
            scripts: document.querySelectorAll('script').length,
            lang: document.documentElement.lang,
          };
        });

        expect(facts.innerWidth).toBe(width);
        expect(requests).toEqual([url]);
        expect(errors).toEqual([]);
        expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
        expect(facts.svgs.length).toBeGreaterThan(0);
        for (const svg of facts.svgs) {
          expect(svg.width).toBeGreaterThan(0);
          expect(svg.height).toBeGreaterThan(0);
        }
        expect(facts.statusRows).toBe(indicators);
        expect(facts.scripts).toBe(0);
        expect(facts.lang).toBe('zh-CN');

        // Print: A4 pages, a page break before each part, table rows never split.
        await page.emulateMedia({ media: 'print' });
        const print = await page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as Page;
          return {
            rowBreak: getComputedStyle(document.querySelector('.status-table tbody tr')).breakInside,
            partBreak: getComputedStyle(document.querySelector('section.part')).breakBefore,
            tableOverflow: getComputedStyle(document.querySelector('.table-wrap')).overflowX,
          };
        });
        expect(print).toEqual({ rowBreak: 'avoid', partBreak: 'page', tableOverflow: 'visible' });
        await page.emulateMedia({ media: 'screen' });

        if (plan.screenshots) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: join(SCREENSHOTS, `report-2024-${width}.png`), fullPage: true });
          await page.screenshot({ path: join(SCREENSHOTS, `report-2024-${width}-first-screen.png`) });
          // The printed report is the same at every width: made once.
          if (width === WIDTHS.at(-1)) {
            await page.emulateMedia({ media: null });
            const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
            writeFileSync(join(SCREENSHOTS, `report-2024-print.pdf`), pdf);
          }
        }
      }, 60_000);
    }
  }
});
