// dyad page glue. Runs before the emscripten script (dyad-app.js), on purpose:
//  - its window key listeners are registered before GLFW's, so they can keep keys typed into
//    DOM fields (the paste box) away from GLFW, which listens on window in the capture phase;
//  - it defines Module (canvas, error reporting) before the runtime reads it.
// Everything that talks to the wasm side lives in wasm/app/platform_web.cpp.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const errorBox = document.getElementById('dyad-error');
  const pasteBox = document.getElementById('dyad-paste-box');
  const pasteText = document.getElementById('dyad-paste-text');

  function isEditable(el) {
    return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' ||
                    el.isContentEditable);
  }

  // GLFW would see (and preventDefault Backspace/Tab of) every key typed into the paste box.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (isEditable(event.target)) event.stopImmediatePropagation();
    }, true);
  }

  // Ctrl+S / Ctrl+O are the app's download and open; keep the browser's own dialogs away.
  window.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !isEditable(event.target) &&
        (event.key === 's' || event.key === 'S' || event.key === 'o' || event.key === 'O')) {
      event.preventDefault();
    }
  }, true);

  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  // Keys reach GLFW wherever focus is; focusing the canvas on press keeps Ctrl+V's paste event
  // (and future copy events) on the page rather than on a stale DOM field.
  canvas.addEventListener('mousedown', () => canvas.focus({ preventScroll: true }));

  let failed = false;
  function fail(message) {
    if (failed) return;
    failed = true;
    errorBox.textContent = message;
    errorBox.hidden = false;
    document.body.classList.add('dyad-failed');
    document.getElementById('dyad-loading').hidden = true;
  }

  function missingFeature() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'dyad needs WebAssembly, which this browser does not support or has turned off. ' +
             'Please use a current Firefox, Chrome, Edge or Safari.';
    }
    // No trial context here: creating one costs 100+ ms with software GL. If the browser has
    // WebGL 2 but cannot create a context (blocklisted GPU), the app reports it when it starts.
    if (typeof WebGL2RenderingContext === 'undefined') {
      return 'dyad needs WebGL 2, which this browser does not support or has turned off ' +
             '(check that hardware acceleration is enabled). Please use a current Firefox, ' +
             'Chrome, Edge or Safari.';
    }
    return null;
  }

  const missing = missingFeature();
  if (missing) fail(missing);

  // [Autosave storage and the one-tab rule]
  // The autosave lives in IndexedDB (no ~5 MB localStorage quota): database 'dyad', object store
  // 'autosave'. A save is one readwrite transaction that writes the new record under a new key,
  // points 'current' at it and deletes the previous record: IndexedDB commits all of it or none
  // of it, so the pointer always names a whole record, and a failed save (quota) leaves the last
  // good one. localStorage (one setItem) is the fallback when IndexedDB cannot be opened.
  // Web Locks keep the work to one tab: the tab holding the lock 'dyad-work' saves; a second tab
  // is told the work is open elsewhere and may take it over (the first tab then stops saving).
  // Both are settled before main() runs (Module.preRun + a run dependency), so the app starts
  // knowing what was saved and whether it owns the work.
  const LEGACY_KEY = 'dyad/autosave/v2';
  const LOCK = 'dyad-work';
  const store = {
    backend: 'none',      // 'indexeddb' | 'localstorage' | 'none'
    problem: '',          // why IndexedDB is not used, for the notice
    record: null,         // the saved record found at start (string) or null
    current: 0,           // number of the record 'current' names (0 = none)
    tab: 'owner',         // 'owner' | 'other' (another tab has the work) | 'lost' (taken over)
    db: null,
  };

  function localStorageOrNull() {
    try {
      const s = window.localStorage;
      return s || null;
    } catch (e) {
      return null;
    }
  }

  function openDatabase() {
    return new Promise((resolve, reject) => {
      let req;
      try {
        req = window.indexedDB.open('dyad', 1);
      } catch (e) {
        reject(e);
        return;
      }
      req.onupgradeneeded = () => req.result.createObjectStore('autosave');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error || new Error('IndexedDB open failed'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
  }

  // Reads the record 'current' names, and remembers its number for the next save.
  function readCurrent(db) {
    return new Promise((resolve, reject) => {
      const tx = db.transaction('autosave', 'readonly');
      const os = tx.objectStore('autosave');
      let value = null;
      const ptr = os.get('current');
      ptr.onsuccess = () => {
        store.current = typeof ptr.result === 'number' ? ptr.result : 0;
        if (!store.current) return;
        const rec = os.get('record:' + ptr.result);
        rec.onsuccess = () => { value = typeof rec.result === 'string' ? rec.result : null; };
      };
      tx.oncomplete = () => resolve(value);
      tx.onerror = tx.onabort = () => reject(tx.error || new Error('IndexedDB read failed'));
    });
  }

  // Reads the stored record from whichever backend is in use (a record saved by an older dyad in
  // localStorage is read when IndexedDB has none yet).
  async function loadRecord() {
    let value = null;
    if (store.db) value = await readCurrent(store.db);
    if (value === null) {
      const ls = localStorageOrNull();
      try {
        value = ls ? ls.getItem(LEGACY_KEY) : null;
      } catch (e) {
        value = null;
      }
    }
    return value;
  }

  function isQuota(e) {
    return !!e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
                   e.code === 22 || e.code === 1014);
  }

  // Result codes as platform.hpp's StorageResult: 0 written, 1 full (the old record stays),
  // 2 unavailable / other error. A pending IndexedDB save reports through `done`.
  function saveRecord(value, done) {
    if (store.tab !== 'owner') return 2;
    if (store.backend === 'localstorage') {
      const ls = localStorageOrNull();
      if (!ls) return 2;
      try {
        ls.setItem(LEGACY_KEY, value);
        return 0;
      } catch (e) {
        return isQuota(e) ? 1 : 2;
      }
    }
    if (store.backend !== 'indexeddb') return 2;
    let tx;
    try {
      // 'strict': the record is on disk when the save is reported, also across a crash.
      tx = store.db.transaction('autosave', 'readwrite', { durability: 'strict' });
    } catch (e) {
      return 2;
    }
    // All requests are made now, in this task, and the transaction is committed at once: a save
    // started by pagehide (reload, closing the tab) is then in the browser's hands before the
    // page goes away, with no callback of ours left to run. Only the owning tab writes, so the
    // record number this tab remembers is the one in the database.
    const os = tx.objectStore('autosave');
    const old = store.current;
    let failure = null;
    try {
      os.put(value, 'record:' + (old + 1));
      os.put(old + 1, 'current');
      if (old > 0) os.delete('record:' + old);
      if (tx.commit) tx.commit();
    } catch (e) {
      failure = e;  // e.g. QuotaExceededError: nothing of this save is kept
      try {
        tx.abort();
      } catch (e2) {
        // already finished
      }
    }
    tx.oncomplete = () => {
      store.current = Math.max(store.current, old + 1);
      // The record now lives in IndexedDB; a copy from the localStorage days must not come back.
      const ls = localStorageOrNull();
      try {
        if (ls) ls.removeItem(LEGACY_KEY);
      } catch (e) {
        // nothing to clean up then
      }
      done(0);
    };
    let reported = false;
    tx.onabort = tx.onerror = () => {
      if (reported) return;
      reported = true;
      done(isQuota(failure || tx.error) ? 1 : 2);
    };
    return -1;
  }

  function clearRecords() {
    if (store.tab !== 'owner') return;
    if (store.db) {
      try {
        store.db.transaction('autosave', 'readwrite', { durability: 'strict' }).objectStore('autosave').clear();
        store.current = 0;
      } catch (e) {
        // the next save replaces it anyway
      }
    }
    const ls = localStorageOrNull();
    try {
      if (ls) ls.removeItem(LEGACY_KEY);
    } catch (e) {
      // ditto
    }
  }

  // Holds the lock until the page goes away or another tab steals it (then `lost` runs).
  function holdLock(options, lost) {
    return new Promise((resolve) => {
      navigator.locks.request(LOCK, options, (lock) => {
        resolve(!!lock);
        if (!lock) return undefined;
        return new Promise(() => {});  // never released while the page lives
      }).catch(() => lost());
    });
  }

  function tabLost() {
    store.tab = 'lost';
    const M = window.Module;
    if (M && M.platformTabLost) M.platformTabLost();
  }

  async function prepareStorage() {
    if (navigator.locks && navigator.locks.request) {
      const owner = await holdLock({ ifAvailable: true }, tabLost).catch(() => true);
      store.tab = owner ? 'owner' : 'other';
    }
    try {
      if (!window.indexedDB) throw new Error('this browser offers no IndexedDB');
      store.db = await openDatabase();
      store.db.onversionchange = () => store.db.close();
      store.backend = 'indexeddb';
    } catch (e) {
      store.problem = String((e && e.message) || e);
      store.backend = localStorageOrNull() ? 'localstorage' : 'none';
    }
    try {
      store.record = await loadRecord();
    } catch (e) {
      store.record = null;
      store.problem = String((e && e.message) || e);
    }
  }

  // Take the work over from the tab that has it: steal the lock, then read what it last saved.
  async function takeOver() {
    if (navigator.locks && navigator.locks.request) await holdLock({ steal: true }, tabLost);
    store.tab = 'owner';
    let value = null;
    try {
      value = await loadRecord();
    } catch (e) {
      value = null;
    }
    const M = window.Module;
    if (M && M.platformTookOver) M.platformTookOver(value === null ? '' : value);
  }

  window.dyadStore = { state: store, save: saveRecord, clear: clearRecords, takeOver };

  window.Module = {
    canvas: canvas,
    preRun: [function (M) {
      M.addRunDependency('dyad-storage');
      prepareStorage().finally(() => M.removeRunDependency('dyad-storage'));
    }],
    // Without WebGL 2 the app cannot draw: load nothing further than the message.
    noInitialRun: !!missing,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fail('dyad stopped unexpectedly (' + what + '). Reload the page to start again.'),
  };

  pasteBox.addEventListener('close', () => {
    if (pasteBox.returnValue === 'load' && pasteText.value && window.Module.loadArticle) {
      window.Module.loadArticle(pasteText.value);
    }
    pasteText.value = '';
    canvas.focus({ preventScroll: true });
  });

  // Called from wasm/app/platform_web.cpp.
  window.dyadShell = {
    ready() {
      window.dyadShell.readyAt = performance.now();  // first frame, ms after navigation start
      document.body.classList.add('dyad-ready');
    },
    fail,
    openPasteBox() {
      if (pasteBox.open) return;
      pasteBox.returnValue = '';
      pasteBox.showModal();
      pasteText.focus();
    },
    announce(message) {
      const live = document.getElementById('dyad-live');
      live.textContent = message;
    },
  };
})();
