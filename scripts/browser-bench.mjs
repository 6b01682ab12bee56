#!/usr/bin/env node
// Browser benchmark: Lede in headless Chromium beside Mozilla Readability, on every page of
// ../shared/corpus/readability (or $LEDE_CORPUS), in the same run.
//
// usage: node scripts/browser-bench.mjs [--runs N] [--pages a,b,c] [--json out/bench/browser.json]
//
// Each page is served from 127.0.0.1 with `Content-Security-Policy: script-src 'none'` (page scripts
// off; the extension's content scripts are not subject to the page's CSP); every other host fails at
// name resolution. Per page, N times (default 5), medians reported:
//   * Readability: `new Readability(document.cloneNode(true)).parse()`, evaluated in the page;
//   * Lede: a real toolbar click (CDP Extensions.triggerAction), then the timings the extension records
//     in the panel document (`globalThis.ledeTimings`, see extension/panel.js):
//       snapshot   content script: the DOM walk (ms, all slices), on the page's main thread; the
//                  median is a repeat click's (the walker is kept between clicks), so the first
//                  click's walk is also reported, as `snapshot, 1st click`, and the ratio with it;
//       slices     how many slices the walk took (one per ~12 ms of walking);
//       block      content script: the longest stretch it held the page's main thread (ms): the
//                  set-up with the first slice, or a later slice;
//       post       content script: posting the snapshot message (ms, main thread);
//       transfer   snapshot message, content script → panel (ms);
//       warm-up    wasm: the panel's warm-up analysis of a built-in article while it waits for the
//                  snapshot (ms; 0 when the snapshot came first), not part of analyse;
//       parse      wasm: compact snapshot → Snapshot (ms), part of analyse;
//       analyse    wasm: → Snapshot → Summary (ms);
//       render     wasm: the panel DOM from the Summary (ms);
//     and, as ms from the toolbar click, when each phase was reached:
//       inject     the content script starts (background executeScript);
//       frame      the panel iframe's navigation starts (its performance.timeOrigin);
//       response   panel.html is in (navigation timing responseEnd);
//       parsed     panel.html is parsed (domInteractive);
//       panel      panel.js starts in the panel iframe;
//       wasm       the wasm is compiled and instantiated;
//       connected  the panel's port to the content script is open;
//       received   the snapshot is in the panel;
//       paint      the first frame after the panel rendered;
//       highlights the highlights are registered in the page;
//     then a second click closes the panel. A run that fails (the panel frame detached, no answer) is
//     retried once on a fresh load of the page; a page that fails twice is skipped and named.
// Prints a Markdown table (p50, p90, max over pages) and the ratio (snapshot + analyse) / Readability
// at p50 and p90 of the per-page ratios; --json writes the per-page medians.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, panelFrame, ROOT, serve, triggerAction } from '../tests/e2e/helpers.mjs';

const require = createRequire(import.meta.url);
const READABILITY = fs.readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 5));
const CORPUS = process.env.LEDE_CORPUS ?? path.resolve(ROOT, '../shared/corpus/readability');
const pages = (opt('--pages', '') || '').split(',').filter(Boolean);
const names = pages.length
  ? pages
  : fs
      .readdirSync(CORPUS)
      .filter((d) => fs.existsSync(path.join(CORPUS, d, 'source.html')))
      .sort();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const quantile = (xs, q) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

const server = await serve(
  Object.fromEntries(
    names.map((p) => [
      `/${p}/source.html`,
      {
        body: fs.readFileSync(path.join(CORPUS, p, 'source.html')),
        headers: { 'content-security-policy': "script-src 'none'" },
      },
    ]),
  ),
);
// Requests to any other host fail at name resolution, in the browser itself. (A Playwright route
// that aborts them would intercept every request, the panel's own extension resources included: each
// panel.html, panel.js, pkg/lede.js, panel.css and wasm fetch would wait on a round trip to this
// process, which the bench would then count as Lede's time.)
const browser = await launchWithExtension({
  extraArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const { context, extensionId } = browser;

const METRICS = [
  'snapshot', 'slices', 'block', 'post', 'transfer', 'warm-up', 'parse', 'analyse', 'render', 'inject', 'frame', 'response', 'parsed', 'panel', 'wasm', 'connected',
  'received', 'paint', 'highlights', 'readability',
];

/** One toolbar click → the panel's timings (relative ones in ms from the click), then a click to close. */
async function timeOnce(page) {
  await page.waitForFunction(() => !document.querySelector('lede-panel'), null, { timeout: 15000 });
  const stale = new Set(page.frames()); // a closed panel's frame can linger in page.frames()
  const clickAt = Date.now();
  await triggerAction(context, page, extensionId);
  let t = null;
  for (let attempt = 0; !t; attempt++) {
    // The frame found may be one being replaced (detached under us): find it again.
    const frame = await panelFrame(page, { timeout: 15000, stale, extensionId });
    try {
      await frame.waitForFunction(
        () => globalThis.ledeTimings?.highlightsAt && globalThis.ledeTimings.paintAt,
        null,
        { timeout: 15000 },
      );
      t = await frame.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const at = (ms) => performance.timeOrigin + ms;
        return {
          ...globalThis.ledeTimings,
          frameAt: performance.timeOrigin,
          responseAt: at(nav?.responseEnd ?? NaN),
          parsedAt: at(nav?.domInteractive ?? NaN),
        };
      });
    } catch (e) {
      if (attempt >= 3 || !/detached|destroyed/i.test(e.message)) throw e;
    }
  }
  await triggerAction(context, page, extensionId); // second click closes the panel
  await page.waitForFunction(() => !document.querySelector('lede-panel'), null, { timeout: 15000 });
  const since = (at) => at - clickAt;
  return {
    snapshot: t.snapshotMs,
    slices: t.slices,
    block: t.blockMs,
    post: t.postMs,
    transfer: t.receivedAt - t.sentAt,
    'warm-up': t.warmUpMs ?? 0,
    parse: t.parseMs,
    analyse: t.analyseMs,
    render: t.renderMs,
    inject: since(t.injectedAt),
    frame: since(t.frameAt),
    response: since(t.responseAt),
    parsed: since(t.parsedAt),
    panel: since(t.panelAt),
    wasm: since(t.wasmAt),
    connected: since(t.connectedAt),
    received: since(t.receivedAt),
    paint: since(t.paintAt),
    highlights: since(t.highlightsAt),
  };
}

const results = [];
const failed = [];
const page = await context.newPage();
for (const name of names) {
  const url = `${server.origin}/${name}/source.html`;
  const runs = Object.fromEntries(METRICS.map((m) => [m, []]));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 20000 });
    for (let r = 0; r < RUNS; r++) {
      runs.readability.push(
        await page.evaluate(`(() => { ${READABILITY};
          const t = performance.now();
          new Readability(document.cloneNode(true)).parse();
          return performance.now() - t; })()`),
      );
    }
    for (let r = 0; r < RUNS; r++) {
      let one;
      try {
        one = await timeOnce(page);
      } catch (e) {
        // One retry on a fresh load of the page (a stuck or lost panel must not end the run).
        console.error(`${name}: run ${r + 1} failed (${e.message.split('\n')[0]}); reloading`);
        await page.goto(url, { waitUntil: 'load', timeout: 20000 });
        one = await timeOnce(page);
      }
      for (const [m, v] of Object.entries(one)) runs[m].push(v);
    }
  } catch (e) {
    console.error(`${name}: skipped (${e.message.split('\n')[0]})`);
    failed.push(name);
    await page.goto('about:blank').catch(() => {});
    continue;
  }
  const row = { page: name, ...Object.fromEntries(METRICS.map((m) => [m, median(runs[m])])) };
  // The page's first click walks with code the engine has not optimised yet; later clicks reuse the
  // walker (extension/snapshot.js), so the median is a later click's: the first is reported apart.
  row['snapshot, 1st click'] = runs.snapshot[0];
  row.ratio = (row.snapshot + row.analyse) / row.readability;
  row['ratio, 1st click'] = (runs.snapshot[0] + row.analyse) / row.readability;
  results.push(row);
  process.stderr.write(
    `${name}: snapshot ${row.snapshot.toFixed(1)} analyse ${row.analyse.toFixed(1)} ` +
      `readability ${row.readability.toFixed(1)} wasm ${row.wasm.toFixed(0)} ` +
      `received ${row.received.toFixed(0)} paint ${row.paint.toFixed(0)} ms\n`,
  );
}
const version = context.browser()?.version() ?? '';
await browser.close();
await server.close();

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
console.log(`Chromium ${version} headless, ${results.length} pages, ` +
  `median of ${RUNS} runs per page; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.` +
  (failed.length ? ` Skipped (failed twice): ${failed.join(', ')}.` : '') + '\n');
console.log('| ms | p50 | p90 | max |');
console.log('|---|---|---|---|');
for (const m of [...METRICS.slice(0, 1), 'snapshot, 1st click', ...METRICS.slice(1)]) {
  const xs = results.map((r) => r[m]);
  console.log(`| ${m} | ${fmt(quantile(xs, 0.5))} | ${fmt(quantile(xs, 0.9))} | ${fmt(Math.max(...xs))} |`);
}
const ratios = results.map((r) => r.ratio);
console.log(
  `\n(snapshot + analyse) / Readability parse(), per page: p50 ${quantile(ratios, 0.5).toFixed(2)}, ` +
    `p90 ${quantile(ratios, 0.9).toFixed(2)}`,
);
const firstRatios = results.map((r) => r['ratio, 1st click']);
console.log(
  `the same with the first click's walk: p50 ${quantile(firstRatios, 0.5).toFixed(2)}, ` +
    `p90 ${quantile(firstRatios, 0.9).toFixed(2)}`,
);
const largest = results.reduce((a, r) => (r.block > (a?.block ?? -1) ? r : a), null);
if (largest) {
  console.log(`longest content-script block: ${largest.block.toFixed(1)} ms (${largest.page})`);
}
const out = opt('--json', null);
if (out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 1));
}
