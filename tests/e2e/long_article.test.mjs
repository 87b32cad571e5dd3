// A long article stays usable: it is laid out once, only the visible lines are drawn (the
// WebGL 64K-vertex-per-draw-list limit), and the wheel scrolls through it. Timings are
// measured by bench/browser_bench.mjs (make bench), not asserted here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { appState, useBrowser, waitForIdle } from './support.mjs';

const env = useBrowser();

/// An article of about `words` words, built from the sample article's paragraphs.
function article(words) {
  const sample = fs.readFileSync(new URL('../../web/sample-article.txt', import.meta.url), 'utf8');
  const paras = sample.split('\n').filter((p) => p.trim());
  const out = [];
  let n = 0;
  for (let i = 0; n < words; ++i) {
    const p = paras[i % paras.length];
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

test('a 20,000-word article is annotated, drawn a screenful at a time and scrolls with the wheel', async () => {
  const page = await env.open({ viewport: { width: 1280, height: 800 } });
  const text = article(20000);
  await page.evaluate((t) => window.Module.loadArticle(t), text);
  await waitForIdle(page);
  const doc = JSON.parse(await page.evaluate(() => window.Module.testDocumentJson()));
  assert.equal(doc.text, text);
  let state = await appState(page);
  assert.ok(state.article.lines > 500, `only ${state.article.lines} lines laid out`);
  assert.ok(state.vertices < 65536, `${state.vertices} vertices in one frame`);

  await page.mouse.move(400, 400);
  for (let i = 0; i < 40; ++i) {
    const frames = await page.evaluate(() => window.Module.testFramesDrawn());
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((f) => window.Module.testFramesDrawn() > f, frames);
  }
  state = await appState(page);
  assert.ok(state.article.firstVisible > 50, 'the wheel did not scroll the article');
  assert.ok(state.article.lastVisible - state.article.firstVisible < 60, 'more than a screenful of lines drawn');
  assert.ok(state.vertices < 65536, `${state.vertices} vertices in one frame`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
