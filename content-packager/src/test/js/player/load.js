'use strict';
/*
 * Loads player parts (src/main/resources/player/parts/) into a fresh V8 context, the way the packager joins them:
 * one shared scope, strict mode, a part seeing what earlier parts declared. There is no browser: the context gets a
 * small fake window (storage, events, location, fetch, crypto, a document that only holds #module-data). The parts'
 * top-level functions and vars are properties of the returned context, e.g. ctx.StatementQueue or ctx.state.
 *
 * Values made inside the context have that context's prototypes: compare them with plain(x), not as they are.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const {webcrypto} = require('node:crypto');

const PARTS = path.join(__dirname, '..', '..', '..', 'main', 'resources', 'player', 'parts');

/** A Storage backed by a Map; `failing` makes every call throw, as storage in a sandboxed frame does. */
class FakeStorage {
  constructor(failing) {
    this.map = new Map();
    this.failing = !!failing;
  }

  getItem(key) {
    this.check();
    return this.map.has(key) ? this.map.get(key) : null;
  }

  setItem(key, value) {
    this.check();
    this.map.set(key, String(value));
  }

  removeItem(key) {
    this.check();
    this.map.delete(key);
  }

  check() {
    if (this.failing) {
      throw new Error('SecurityError: storage is disabled');
    }
  }
}

/**
 * options: fetch (the window's fetch; default: fails the test), search (location.search), moduleData (the object the
 * page's #module-data holds), globals (more properties for the window), localStorage/sessionStorage (FakeStorage).
 */
function loadParts(names, options) {
  const opts = options || {};
  const listeners = {};
  const logged = [];
  const moduleData = opts.moduleData;
  const win = {
    console: {
      error: (...args) => logged.push(['error', ...args]),
      warn: (...args) => logged.push(['warn', ...args]),
      log: (...args) => logged.push(['log', ...args])
    },
    TextEncoder, URLSearchParams, setTimeout, clearTimeout,
    crypto: webcrypto,
    localStorage: opts.localStorage || new FakeStorage(),
    sessionStorage: opts.sessionStorage || new FakeStorage(),
    location: {search: opts.search || '', assigned: null, assign(url) { this.assigned = url; }},
    fetch: opts.fetch || (() => Promise.reject(new Error('this test gives the player no fetch'))),
    addEventListener(type, listener) {
      (listeners[type] = listeners[type] || []).push(listener);
    },
    dispatch(type, event) {
      (listeners[type] || []).forEach((listener) => listener(event || {type}));
    },
    listeners,
    logged,
    document: {
      readyState: 'complete',
      addEventListener() {},
      getElementById(id) {
        return id === 'module-data' && moduleData ? {textContent: JSON.stringify(moduleData)} : null;
      }
    }
  };
  Object.assign(win, opts.globals || {});
  const context = vm.createContext(win);
  win.window = context;
  for (const name of names) {
    const source = fs.readFileSync(path.join(PARTS, name), 'utf8');
    // 'use strict' on the first line, so stack traces keep the part's own line numbers.
    vm.runInContext("'use strict'; " + source, context, {filename: path.join(PARTS, name)});
  }
  return context;
}

/** A value from the player's context as a plain value of this one (for deepStrictEqual). */
function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Waits until check() is truthy (polling every few ms), failing after timeoutMs. */
async function until(check, timeoutMs, what) {
  const deadline = Date.now() + (timeoutMs || 5000);
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for ' + (what || check.toString()));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A fetch Response as the player reads it: status, ok, headers.get and text(). */
function reply(status, body, headers) {
  return new Response(status === 204 || body === undefined || body === null ? null
    : typeof body === 'string' ? body : JSON.stringify(body), {status, headers: headers || {}});
}

module.exports = {loadParts, plain, until, reply, FakeStorage, PARTS};
