import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from './helpers/cli.ts';
import { runCli } from './helpers/cli.ts';
import { serveStatic } from './helpers/static-server.ts';
import type { StaticServer } from './helpers/static-server.ts';
import { tempDir } from './helpers/workspace.ts';

// A reviewer opens the readiness page and the Allure report after a NO-GO run: both must render, throw no
// script error and ask nothing of any host but this one. Debian's Chromium (apt-get install chromium; .ci/run
// installs it), driven by playwright-core: `npx playwright install` cannot download a browser here.
const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium calls Google's hosts at start, and a closed network refuses them.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const FAILED_CHECK = 'createPayout answers conform to the contract';

let work: Awaited<ReturnType<typeof tempDir>>;
let reports: string;
let run: CliResult;
beforeAll(async () => {
  work = await tempDir('railgate-browser-');
  reports = path.join(work.dir, 'reports');
  run = await runCli(['run', '--partner', 'pixpay', '--family', 'contract', '--defect', 'schema-drift', '--html', '--reports', reports]);
});
afterAll(() => work.dispose());

describe('the generated reports', () => {
  it('are written by a NO-GO run: the readiness page, the summary and the Allure report', () => {
    expect(run.stderr).not.toMatch(/internal error|allure generate failed/);
    expect(run.code).toBe(1);
    for (const f of ['readiness/index.html', 'readiness/summary.md', 'allure-report/index.html']) expect(existsSync(path.join(reports, f)), f).toBe(true);
  });

  it('reference no host but this one', async () => {
    const outside: string[] = [];
    for (const dir of ['readiness', 'allure-report']) {
      for (const file of await files(path.join(reports, dir))) {
        if (file.endsWith('.LICENSE.txt')) continue; // license notices of the bundled code: never loaded by the page
        for (const host of hosts(await readFile(file, 'latin1'))) if (!isLocal(host) && !(host in HARMLESS)) outside.push(`${path.relative(reports, file)}: ${host}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

/** Hosts named in the Allure bundle that the page never requests by itself, each with why. */
const HARMLESS: Record<string, string> = {
  'www.w3.org': 'XML namespace names (SVG, XLink): identifiers, never fetched',
  'allurereport.org': 'the "Powered by Allure Report" footer link: followed only if the reader clicks it',
  'trace.playwright.dev': "Allure's viewer for Playwright trace attachments, opened on a click: railgate attaches no trace",
};

function hosts(text: string): Set<string> {
  // A host is letters, digits, dots and dashes (or a bracketed IPv6): `https://${host}` in code names none.
  return new Set([...text.matchAll(/https?:\/\/(\[[0-9a-f:]+\]|[a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase()));
}

function isLocal(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('in headless Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let shots: string;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium), as .ci/run does`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // Served, as CI publishes reports; the last test opens both pages from file://, as a reviewer does.
    server = await serveStatic(reports);
    // Screenshots for a human to look at: kept where RAILGATE_SCREENSHOTS says, else in the run's temp dir.
    shots = process.env.RAILGATE_SCREENSHOTS ?? path.join(work.dir, 'screenshots');
    await mkdir(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the NO-GO partner and its failed criterion on the first screen of the readiness page', async () => {
    const visit = await open(browser, `${server.url}/readiness/index.html`);
    const { page } = visit;
    await page.screenshot({ path: path.join(shots, 'readiness.png') });
    expect((await page.locator('body').innerText()).length).toBeGreaterThan(500);
    const banner = page.locator('#partner-pixpay .banner');
    expect(await banner.innerText()).toMatch(/NO-GO\s*PixPay Pagamentos S\.A\. pixpay · BR-PIX/);
    const criterion = page.locator('#partner-pixpay .reasons li').first();
    expect(await criterion.innerText()).toMatch(/^contract: 6 checks failed \(createPayout answers conform to the contract;/);
    for (const shown of [banner, criterion]) expect(onFirstScreen(await shown.boundingBox())).toBe(true);
    visit.done();
  });

  it('links a failed check to its own test in the Allure report', async () => {
    const visit = await open(browser, `${server.url}/readiness/index.html`);
    await visit.page.getByRole('link', { name: FAILED_CHECK }).first().click();
    await visit.page.getByText('Contract drift').first().waitFor();
    expect(visit.page.url()).toMatch(/\/allure-report\/index\.html#\/[0-9a-f]{32}$/);
    expect(await visit.page.locator('body').innerText()).toContain('createPayout 201: body /amount must be integer');
    visit.done();
  });

  it('renders the Allure report, served on loopback', async () => {
    const visit = await open(browser, `${server.url}/allure-report/index.html`);
    const { page } = visit;
    await page.getByText(FAILED_CHECK).first().waitFor();
    await page.locator('#allure-app-loader').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(shots, 'allure.png') });
    expect(await page.locator('body').innerText()).toMatch(/pixpay[\s\S]*contract/);
    // The verdict on the front page: first in the metadata, and the partner's readiness test heading its tree.
    // (Its chip cuts the long text with an ellipsis: the element runs past the right edge, its start is in view.)
    const box = await page.getByText(/^NO-GO: contract: 6 checks failed/).first().boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x < VIEWPORT.width / 2).toBe(true);
    await page.getByText('pixpay readiness: NO-GO').first().waitFor();
    visit.done();
  });

  it('opens both pages from file://, as a reviewer double-clicking them does: the Allure report is one self-contained file', async () => {
    for (const [page, shown] of [['readiness/index.html', /NO-GO/], ['allure-report/index.html', new RegExp(FAILED_CHECK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]] as const) {
      const visit = await open(browser, pathToFileURL(path.join(reports, page)).href);
      await visit.page.getByText(shown).first().waitFor();
      visit.done();
    }
    expect((await readdir(path.join(reports, 'allure-report'))).filter((f) => f.endsWith('.js') || f === 'data')).toEqual([]);
  });
});

/**
 * A page with every request and every script error recorded: `done()` fails the test on an error or on a
 * request to any host but loopback (aborted, so a closed network cannot make the test hang).
 */
async function open(browser: Browser, url: string): Promise<{ page: Page; done(): void }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route(
    (u) => !isLoopback(u),
    (route) => route.abort(),
  );
  page.on('request', (r) => {
    if (!isLoopback(new URL(r.url()))) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expectedMiss(m)) errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  await page.goto(url);
  return {
    page,
    done() {
      expect({ outside, errors }).toEqual({ outside: [], errors: [] });
    },
  };
}

function isLoopback(u: URL): boolean {
  return u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'about:' || u.protocol === 'blob:' || isLocal(u.hostname);
}

/** Allure 3.18 asks for widgets/metrics.json on every load and writes it only for a run that recorded metrics; it renders without. */
function expectedMiss(m: ConsoleMessage): boolean {
  return m.text().startsWith('Failed to load resource') && /\/allure-report\/widgets\/metrics\.json(\?|$)/.test(m.location().url);
}

function onFirstScreen(box: { x: number; y: number; width: number; height: number } | null): boolean {
  return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x >= 0 && box.x + box.width <= VIEWPORT.width;
}
