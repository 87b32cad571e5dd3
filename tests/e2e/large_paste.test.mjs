// Large pastes: a book-length text is annotated a part at a time with a progress dialog while the
// page keeps drawing and answering input (Cancel keeps the current work); text over the 16 MiB
// limit is refused with a clear message and the current work stays. Speed is measured by
// bench/browser_bench.mjs, not asserted here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import {
  appState, clickItem, documentJson, framesDrawn, openFile, pasteText, screenshotPath, useBrowser,
  waitForState,
} from './support.mjs';

const FIRST_ARTICLE = 'Georgia and Armenia agreed on Tuesday to open a second crossing near Guguti.';
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

const env = useBrowser();

/// About `bytes` of news text: the sample article's paragraphs, over and over.
function bookOf(bytes) {
  const sample = fs.readFileSync(new URL('../../web/sample-article.txt', import.meta.url), 'utf8').trim();
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; ++i) {
    const p = `${sample}\n\n(Part ${i + 1}.)\n\n`;
    parts.push(p);
    n += Buffer.byteLength(p);
  }
  return parts.join('');
}

async function pageWithWork() {
  const page = await env.open({ viewport: { width: 1200, height: 760 } });
  await pasteText(page, FIRST_ARTICLE);
  await waitForState(page, (s) => s.hasDocument);
  return page;
}

test('a 5 MB paste is annotated a part at a time: progress shows, the page keeps drawing and answering, then the result arrives', async () => {
  const page = await pageWithWork();
  const before = await documentJson(page);
  // The text stays in the page (window.__book) so the checks below run there: the finished
  // document's JSON is over 100 MB, too much to ship to the test.
  await page.evaluate((t) => {
    window.__book = t;
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, bookOf(5_000_000));

  let state = await waitForState(page, (s) => s.extraction.active && s.popupOpen);
  assert.ok(state.extraction.blocks > 50, `${state.extraction.blocks} blocks`);
  // The current work is still there while the long text is being annotated.
  assert.deepEqual(await documentJson(page), before);
  await page.waitForFunction(() => window.Module.testItemRect('progress:extraction') !== 'null');
  const firstProgress = state.extraction.progress;
  const firstFrames = await framesDrawn(page);

  // Input is answered mid-way: the pointer moved onto the Cancel button is seen there.
  const cancel = JSON.parse(await page.evaluate(() => window.Module.testItemRect('button:Cancel extraction')));
  await page.mouse.move(cancel.x1 + 60, cancel.y1 + 40);
  await page.mouse.move((cancel.x0 + cancel.x1) / 2, (cancel.y0 + cancel.y1) / 2, { steps: 3 });
  state = await waitForState(page, (s) => s.extraction.cancelHovered);
  assert.ok(state.extraction.active, 'hover seen while extracting');
  state = await waitForState(page, (s, p) => s.extraction.active && s.extraction.progress > p, firstProgress);
  await page.screenshot({ path: screenshotPath('large-paste-progress.png') });
  const midFrames = await framesDrawn(page);
  assert.ok(midFrames > firstFrames + 2, `frames kept coming during extraction: ${firstFrames} -> ${midFrames}`);
  await page.mouse.move(5, 5);

  state = await waitForState(page, (s) => !s.extraction.active && s.articlesLoaded === 2, null, 120000);
  assert.equal(state.popupOpen, false);
  assert.deepEqual(state.loadErrors, []);
  assert.match(state.status, /^Long text annotated in/);
  const check = await page.evaluate(() => {
    const doc = JSON.parse(window.Module.testDocumentJson());
    const chars = Array.from(window.__book);
    const picks = [doc.mentions[0], doc.mentions[doc.mentions.length >> 1], doc.mentions[doc.mentions.length - 1]];
    const actorIds = new Set(doc.actors.map((a) => a.id));
    const mentionIds = new Set(doc.mentions.map((m) => m.id));
    return {
      sameText: doc.text === window.__book,
      mentions: doc.mentions.length,
      relations: doc.relations.length,
      // Offsets of the joined parts point at the right text, at the start, middle and end.
      offsets: picks.map((m) => [chars.slice(m.start, m.end).join(''), m.text]),
      uniqueIds: actorIds.size === doc.actors.length && mentionIds.size === doc.mentions.length &&
        new Set(doc.relations.map((r) => r.id)).size === doc.relations.length,
      resolved: doc.mentions.every((m) => !m.actor || actorIds.has(m.actor)) &&
        doc.relations.every((r) => actorIds.has(r.source) && actorIds.has(r.target) && mentionIds.has(r.source_mention) && mentionIds.has(r.target_mention)),
      sentencesInOrder: doc.sentences.every((s, i) => i === 0 || s.start >= doc.sentences[i - 1].end),
      georgias: doc.actors.filter((a) => a.name === 'Georgia').length,
    };
  });
  assert.equal(check.sameText, true);
  assert.ok(check.mentions > 1000 && check.relations > 100, `${check.mentions} mentions, ${check.relations} relations`);
  for (const [covered, text] of check.offsets) assert.equal(covered, text);
  assert.equal(check.uniqueIds, true);
  assert.equal(check.resolved, true);
  assert.equal(check.sentencesInOrder, true);
  // The same actor across parts is one actor: Georgia appears in every part.
  assert.equal(check.georgias, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Cancel stops a long extraction and keeps the current work', async () => {
  const page = await pageWithWork();
  const before = await documentJson(page);
  await pasteText(page, bookOf(5_000_000));
  await waitForState(page, (s) => s.extraction.active && s.popupOpen);
  await clickItem(page, 'button:Cancel extraction');
  const state = await waitForState(page, (s) => !s.extraction.active);
  assert.equal(state.extraction.cancelled, 1);
  assert.equal(state.popupOpen, false);
  assert.match(await page.textContent('#dyad-live'), /Cancelled\. Your current work is unchanged\./);
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('text over 16 MiB is refused with a clear message, pasted or opened, and the current work stays', async () => {
  const page = await pageWithWork();
  const before = await documentJson(page);
  const loaded = (await appState(page)).articlesLoaded;

  // Pasted: refused in the page before it is copied into wasm memory.
  await page.evaluate((n) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Word '.repeat(n / 5));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, MAX_TEXT_BYTES + 1_000_000);
  let state = await waitForState(page, (s) => s.popupOpen && s.problemTitle === 'Too large');
  assert.match(state.loadErrors[0], /^The pasted text is 17\.8 MB of text; dyad annotates at most 16 MiB at a time\.$/);
  assert.match(state.loadErrors[1], /dyad extract --jsonl/);
  await page.screenshot({ path: screenshotPath('too-large.png') });
  await clickItem(page, 'button:OK');
  assert.deepEqual(await documentJson(page), before);

  // A .txt file: refused by its size before it is read.
  await openFile(page, 'huge.txt', Buffer.alloc(MAX_TEXT_BYTES + 10, 'a'), 'text/plain');
  state = await waitForState(page, (s) => s.popupOpen && s.problemTitle === 'Too large');
  assert.match(state.loadErrors[0], /^huge\.txt is 16\.8 MB of text/);
  await clickItem(page, 'button:OK');

  // Exactly at the limit is accepted (and extracted a part at a time).
  const atLimit = 'Lorem ipsum dolor sit amet, consectetur. '.repeat(Math.floor(MAX_TEXT_BYTES / 41));
  await page.evaluate((t) => window.Module.loadArticle(t), atLimit);
  await waitForState(page, (s) => s.extraction.active);
  await clickItem(page, 'button:Cancel extraction');
  await waitForState(page, (s) => !s.extraction.active);

  state = await appState(page);
  assert.equal(state.articlesLoaded, loaded + 1, 'only the text at the limit was taken');
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(page.errors, []);
  await page.close();
});
