// The nastiest input a person can paste or open: each text loads exactly (or as documented:
// newlines normalised, lone surrogates replaced) into a valid document, and each broken file gets
// a clear message naming what is wrong, while the current work stays untouched.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { caucasusDocument } from './fixtures.mjs';
import {
  appState, clickItem, documentJson, framesDrawn, openFile, pasteText, screenshotPath, settledRect,
  useBrowser, validateDyad, waitForIdle, waitForState,
} from './support.mjs';

const env = useBrowser();
let page;

before(async () => {
  await env.ready;
  page = await env.open({ viewport: { width: 1200, height: 760 } });
});

/// Pastes `text` and waits for the article it makes.
async function pasteAndLoad(text) {
  const loaded = (await appState(page)).articlesLoaded;
  await pasteText(page, text);
  return waitForState(page, (s, n) => s.articlesLoaded > n && !s.extraction.active, loaded);
}

/// The page still answers: a pointer move draws new frames.
async function stillAnswers() {
  await waitForIdle(page);
  const f = await framesDrawn(page);
  await page.mouse.move(600, 400);
  await page.mouse.move(610, 405);
  await page.waitForFunction((n) => window.Module.testFramesDrawn() > n, f);
}

const TEXTS = [
  ['replacement and non-characters, invisible and direction-override marks, a BOM',
    '\uFEFFIlham Aliyev\u200B met \u202EPashinyan\u202C in Baku \uFFFD\uFFFE\uFFFF \u200E\u200F\u2066x\u2069.'],
  ['lone surrogates (made U+FFFD)', 'Aliyev a\uD800b met c\uDC00d Pashinyan \uD83D.', 'Aliyev a\uFFFDb met c\uFFFDd Pashinyan \uFFFD.'],
  ['a 200,000-character word', `Tbilisi said ${'x'.repeat(200000)} on Tuesday.`],
  ['NUL and control characters', 'Aliyev\u0000met\u0001Pashinyan\u0007 in \u001b[31mBaku\u001b[0m \u007f\u0085 \u2028\u2029 end\u0000'],
  ['emoji sequences', 'Kobakhidze 👩🏽‍💻 met Pashinyan 🇬🇪🇦🇲 in Tbilisi 👨‍👩‍👧‍👦 ❤️ 1️⃣ 🏳️‍🌈.'],
  ['CRLF and lone CR (made LF)', 'Georgia and Armenia agreed.\r\nKobakhidze hosted Pashinyan.\rRussia objected.\r\n\r\nEnd.\r',
    'Georgia and Armenia agreed.\nKobakhidze hosted Pashinyan.\nRussia objected.\n\nEnd.\n'],
  ['HTML pasted as text', '<html><head><title>x</title></head><body><h1>Aliyev met Pashinyan</h1><script>alert(1)</script><img src=x onerror=alert(2)>&amp; &lt;b&gt;</body></html>'],
  ['mixed scripts', 'Москва и Тбилиси; 北京 and Αθήνα; თბილისი, Երևան, Bakı — “Çavuşoğlu” Ə ə.'],
  ['whitespace only', ' \n\t \u00A0\u3000 \n'],
];

for (const [what, text, expected = text] of TEXTS) {
  test(`pasted ${what}: loaded exactly into a valid document`, async () => {
    page.errors.length = 0;
    await pasteAndLoad(text);
    const doc = await documentJson(page);
    assert.equal(doc.text, expected);
    const check = await validateDyad(JSON.stringify(doc));
    assert.equal(check.ok, true, JSON.stringify(check.diagnostics));
    const state = await appState(page);
    assert.ok(state.vertices < 65536, `${state.vertices} vertices`);
    await stillAnswers();
    assert.deepEqual(page.errors, []);
  });
}

test('right-to-left text shows a visible "shown unshaped" notice', async () => {
  const state = await pasteAndLoad('وزیر امور خارجه ایران عباس عراقچی با همتای ترکیه‌ای خود دیدار کرد. Netanyahu (נתניהו) spoke.');
  assert.equal(state.rtl, true);
  assert.equal(state.rtlNotice, true);
  // (The notice appears with the frame after the load: wait for it to be drawn.)
  const r = await settledRect(page, 'notice:rtl');
  assert.ok(r && r.x1 > r.x0 && r.y1 > r.y0, 'the notice is on screen');
  await waitForIdle(page);
  await page.screenshot({ path: screenshotPath('rtl-notice.png') });
  // The screen-reader copy has the text as it is, for the browser to shape.
  assert.match(await page.textContent('#dyad-mirror'), /عباس عراقچی/);
  await pasteAndLoad('Back to left-to-right text.');
  assert.equal((await appState(page)).rtlNotice, false);
});

const good = () => caucasusDocument();
const goodJson = () => JSON.stringify(good());
const BROKEN = [
  ['malformed JSON', () => '{"schema": "dyad/1", "text": "abc", }', /^\/text: not valid JSON: parse error at line 1, column 37/],
  ['truncated JSON', () => goodJson().slice(0, goodJson().length >> 1), /not valid JSON: parse error at line 1, column \d+/],
  ['10,000 levels of nesting', () => '['.repeat(10000) + ']'.repeat(10000), /JSON nested more than 64 levels deep/],
  ['a JSON array', () => '[]', /a dyad\/1 document is a JSON object, not array/],
  ['the wrong schema version', () => JSON.stringify({ ...good(), schema: 'dyad/9' }), /^\/schema: unsupported schema "dyad\/9"/],
  ['a wrong type', () => JSON.stringify({ ...good(), text: 42 }), /^\/text: "text" must be a string, not number/],
  ['offsets out of range', () => JSON.stringify({ ...good(), mentions: [{ ...good().mentions[0], end: 9999 }] }), /^\/mentions\/0\/end: span end 9999 is beyond the text/],
  ['UTF-16 offsets that disagree', () => JSON.stringify({ ...good(), mentions: [{ ...good().mentions[0], utf16: [0, 3] }] }), /^\/mentions\/0\/utf16: "utf16" \[0, 3\] does not match/],
  ['a huge number', () => goodJson().replace('"start":0', '"start":1e400'), /number too large/],
  ['duplicate ids', () => JSON.stringify({ ...good(), actors: [...good().actors, good().actors[0]] }), /^\/actors\/6\/id: duplicate actor id "a1"/],
  ['an empty file', () => '', /^The file is empty\.$/],
  ['binary garbage', () => Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, 0x22, 0x7d]), /not valid JSON/],
];

test('broken JSON files each get a clear message, and the current work stays untouched', async () => {
  await openFile(page, 'caucasus.dyad.json', goodJson());
  await waitForState(page, (s) => s.status === 'Loaded caucasus.dyad.json');
  const before = await documentJson(page);
  for (const [what, contents, message] of BROKEN) {
    await openFile(page, 'broken.dyad.json', contents());
    const state = await waitForState(page, (s) => s.popupOpen && s.loadErrors.length > 0);
    assert.equal(state.problemTitle, 'Could not load the file', what);
    assert.match(state.loadErrors[0], message, `${what}: ${state.loadErrors[0]}`);
    if (what === 'offsets out of range') await page.screenshot({ path: screenshotPath('bad-json.png') });
    await clickItem(page, 'button:OK');
    await waitForState(page, (s) => !s.popupOpen);
    assert.deepEqual(await documentJson(page), before, `${what} changed the work`);
  }
  assert.deepEqual(page.errors, []);
});

test('a broken file dropped on the page is refused the same way', async () => {
  const before = await documentJson(page);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, '{"schema":"dyad/1"');
  const state = await waitForState(page, (s) => s.popupOpen && s.loadErrors.length > 0);
  assert.match(state.loadErrors[0], /not valid JSON/);
  await clickItem(page, 'button:OK');
  assert.deepEqual(await documentJson(page), before);
});

test('a large broken file shows "Opening …" first, then the error, and the current work stays', async () => {
  await openFile(page, 'caucasus.dyad.json', goodJson());
  await waitForState(page, (s) => s.status === 'Loaded caucasus.dyad.json');
  const before = await documentJson(page);
  // Watch every animation frame (after the app's own) for the "Opening …" dialog: it is up for
  // the frames before the parse, which blocks.
  await page.evaluate(() => {
    window.__openingSeen = false;
    const watch = () => {
      const s = JSON.parse(window.Module.testStateJson());
      if (s.opening.active && s.popupOpen && window.Module.testItemRect('progress:opening') !== 'null') window.__openingSeen = true;
      if (!window.__openingSeen) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const doc = good();
  doc.text += '\n\n' + 'Officials met again in Tbilisi on Thursday. '.repeat(40000);  // ~1.8 MB
  const json = JSON.stringify(doc);
  await openFile(page, 'big-broken.dyad.json', json.slice(0, json.length - 3));
  const state = await waitForState(page, (s) => !s.opening.active && s.popupOpen && s.problemTitle, null, 60000);
  assert.equal(await page.evaluate(() => window.__openingSeen), true, 'the "Opening …" dialog was drawn before the parse');
  assert.equal(state.problemTitle, 'Could not load the file');
  assert.match(state.loadErrors[0], /not valid JSON/);
  assert.ok(state.opening.lastMs > 0, 'the parse ran');
  await clickItem(page, 'button:OK');
  await waitForState(page, (s) => !s.popupOpen);
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(page.errors, []);
});
