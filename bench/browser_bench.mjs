// Browser benchmarks (headless Chromium, SwiftShader WebGL2), from fresh runs:
// page transfer (raw and gzip), first frame, idle frames, paste-to-highlight for 1k and 20k
// words, frame build/submit times while scrolling the long article.
// Usage: node bench/browser_bench.mjs WEB_DIR CORPUS_DIR OUT.json
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [webDir, corpusDir, outPath] = process.argv.slice(2);
process.env.DYAD_WEB_DIR = path.resolve(webDir);
const { appState, launch, newPage, serve, waitForApp, waitForIdle } = await import('../tests/e2e/support.mjs');

/// First `words` words of the benchmark corpus, cut at a paragraph boundary.
function article(words) {
  const text = fs.readFileSync(path.join(corpusDir, '100000w.txt'), 'utf8');
  const paras = text.split('\n\n');
  const out = [];
  let n = 0;
  for (const p of paras) {
    if (n >= words) break;
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/// Pastes `text`; milliseconds until the first frame showing it has been drawn.
async function pasteToFrame(page, text) {
  return page.evaluate(async (t) => {
    const frames = window.Module.testFramesDrawn();
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const start = performance.now();
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    while (window.Module.testFramesDrawn() === frames) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, text);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const metrics = {};
const server = await serve(path.resolve(webDir));
const browser = await launch();
try {
  // Transfer size: every file the page loads, raw and gzip -9.
  const files = ['index.html', 'dyad.css', 'dyad-shell.js', 'dyad-app.js', 'dyad-app.wasm'];
  let raw = 0, gz = 0;
  for (const f of files) {
    const data = fs.readFileSync(path.join(webDir, f));
    raw += data.length;
    gz += zlib.gzipSync(data, { level: 9 }).length;
    metrics[`size ${f} (bytes)`] = data.length;
  }
  metrics['page transfer raw (bytes)'] = raw;
  metrics['page transfer gzip (bytes)'] = gz;
  metrics['dyad.html single file (bytes)'] = fs.statSync(path.join(webDir, 'dyad.html')).size;

  // First frame (ms after navigation start), median of 5 loads; then idle frames over 2 s.
  const firsts = [];
  for (let i = 0; i < 5; ++i) {
    const page = await newPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    firsts.push(await page.evaluate(() => window.dyadShell.readyAt));
    if (i === 4) {
      await waitForIdle(page);
      const before = await page.evaluate(() => [window.Module.testFramesDrawn(), window.Module.testLoopTicks()]);
      await page.waitForTimeout(2000);
      const afterIdle = await page.evaluate(() => [window.Module.testFramesDrawn(), window.Module.testLoopTicks()]);
      metrics['idle: frames drawn in 2 s'] = afterIdle[0] - before[0];
      metrics['idle: loop ticks in 2 s (early returns)'] = afterIdle[1] - before[1];
    }
    await page.close();
  }
  metrics['first frame, median of 5 loads (ms)'] = median(firsts);

  // Paste-to-highlight and scrolling.
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await waitForApp(page);
  await pasteToFrame(page, article(200));  // warm-up
  await waitForIdle(page);
  for (const words of [1000, 20000]) {
    const times = [], extract = [];
    for (let i = 0; i < 5; ++i) {
      times.push(await pasteToFrame(page, article(words) + `\n\nRun ${i}.`));
      extract.push((await appState(page)).extractMs);
      await waitForIdle(page);
    }
    metrics[`paste-to-highlight ${words} words, median of 5 (ms)`] = median(times);
    metrics[`  of which extraction, ${words} words (ms)`] = median(extract);
  }
  await page.mouse.move(400, 400);
  const build = [], submit = [];
  for (let i = 0; i < 60; ++i) {
    const frames = await page.evaluate(() => window.Module.testFramesDrawn());
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((f) => window.Module.testFramesDrawn() > f, frames);
    const s = await appState(page);
    build.push(s.lastFrameMs);
    submit.push(s.lastSubmitMs);
  }
  const st = await appState(page);
  metrics['scrolling 20k words: frame build median (ms)'] = median(build);
  metrics['scrolling 20k words: frame build worst (ms)'] = Math.max(...build);
  metrics['scrolling 20k words: WebGL submit median (ms, SwiftShader)'] = median(submit);
  metrics['scrolling 20k words: vertices in last frame'] = st.vertices;
  metrics['scrolling 20k words: lines in layout'] = st.article.lines;
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
fs.writeFileSync(outPath, JSON.stringify({ chromium: 'Debian /usr/bin/chromium, headless, SwiftShader', metrics }, null, 2));
for (const [k, v] of Object.entries(metrics)) console.error(`${k}: ${typeof v === 'number' ? v.toFixed(1) : v}`);
