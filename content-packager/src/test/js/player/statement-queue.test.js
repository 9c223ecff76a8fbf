'use strict';
// The statement queue (parts/statement-queue.js) against a scripted fake LRS: order, batching, retries, what is
// dropped and what is kept, persistence across a reload, the online event, the page-hide send and drain.
const test = require('node:test');
const assert = require('node:assert/strict');
const {loadParts, until, reply, FakeStorage} = require('./load');

const ENDPOINT = 'https://lrs.example.org/xapi/';

/**
 * An LRS that stores every batch unless told otherwise. script: statuses for the next requests (a number answers
 * with it, 'network' rejects, 'lost' stores and then answers 500). A batch holding an id already stored gets 409.
 */
function fakeLrs(script) {
  const lrs = {requests: [], stored: [], script: script || []};
  lrs.fetch = async (url, init) => {
    const batch = JSON.parse(init.body);
    lrs.requests.push({url, init, batch});
    const next = lrs.script.length ? lrs.script.shift() : null;
    if (next === 'network') {
      throw new TypeError('Failed to fetch');
    }
    if (typeof next === 'number') {
      return reply(next);
    }
    if (batch.some((s) => lrs.stored.some((kept) => kept.id === s.id))) {
      return reply(409);
    }
    lrs.stored.push(...batch);
    return next === 'lost' ? reply(500) : reply(200, batch.map((s) => s.id));
  };
  lrs.objects = () => lrs.stored.map((s) => s.object.id);
  return lrs;
}

function statement(n) {
  return {actor: {mbox: 'mailto:learner@example.org'}, verb: {id: 'http://adlnet.gov/expapi/verbs/experienced'},
    object: {id: 'https://example.org/activity/' + n}};
}

function range(from, count) {
  return Array.from({length: count}, (_, i) => 'https://example.org/activity/' + (from + i));
}

/** A queue in a fresh player context; options go to StatementQueue (fast backoff unless given). */
function newQueue(lrs, options, storage) {
  const ctx = loadParts(['util.js', 'statement-queue.js'], {fetch: lrs.fetch, localStorage: storage});
  const queue = new ctx.StatementQueue(Object.assign({endpoint: ENDPOINT, key: 'test-queue', baseDelayMs: 1,
    maxDelayMs: 5, batchSize: 10}, options || {}));
  return {ctx, queue};
}

/** Stops a queue that would otherwise keep retrying after its test (so the test process can end). */
function halt(queue) {
  queue.flush = () => {};
  clearTimeout(queue.timer);
  queue.timer = null;
}

function pending(ctx) {
  return JSON.parse(ctx.localStorage.getItem('test-queue') || '[]').length;
}

test('a statement gets an id and a timestamp, is POSTed with the xAPI headers and leaves storage once stored', async () => {
  const lrs = fakeLrs();
  const {ctx, queue} = newQueue(lrs, {headers: () => ({Authorization: 'Basic dGVzdDp0ZXN0'})});

  const id = queue.add(statement(0));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(pending(ctx), 1, 'persisted before it is sent');
  assert.equal(await queue.drain(5000), true);

  assert.equal(lrs.requests.length, 1);
  const {url, init, batch} = lrs.requests[0];
  assert.equal(url, ENDPOINT + 'statements');
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'omit');
  assert.equal(init.keepalive, false);
  assert.equal(init.headers['X-Experience-API-Version'], '1.0.3');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.headers.Authorization, 'Basic dGVzdDp0ZXN0');
  assert.equal(batch[0].id, id);
  assert.ok(!Number.isNaN(Date.parse(batch[0].timestamp)));
  assert.equal(ctx.localStorage.getItem('test-queue'), null);
});

test('an id and timestamp the caller gave are kept', async () => {
  const lrs = fakeLrs();
  const {queue} = newQueue(lrs);
  const given = Object.assign(statement(0), {id: '6a1d2c1e-3c4b-4f5a-9b8c-7d6e5f4a3b2c', timestamp: '2027-01-02T03:04:05.000Z'});

  assert.equal(queue.add(given), given.id);
  await queue.drain(5000);
  assert.equal(lrs.stored[0].timestamp, '2027-01-02T03:04:05.000Z');
});

test('statements are sent in order, in batches of at most batchSize, one request at a time', async () => {
  const lrs = fakeLrs();
  const {queue} = newQueue(lrs);

  for (let i = 0; i < 25; i++) {
    queue.add(statement(i));
  }
  assert.equal(await queue.drain(5000), true);

  assert.deepEqual(lrs.objects(), range(0, 25));
  assert.deepEqual(lrs.requests.map((r) => r.batch.length), [1, 10, 10, 4]);
});

test('network errors, 5xx, 429, 408, 401 and 403 are retried until the statements arrive, each once', async () => {
  const lrs = fakeLrs(['network', 500, 503, 429, 408, 401, 403, 'lost']);
  const {ctx, queue} = newQueue(lrs);

  for (let i = 0; i < 12; i++) {
    queue.add(statement(i));
  }
  assert.equal(await queue.drain(5000), true);

  assert.deepEqual(lrs.objects(), range(0, 12), 'every statement once, in order');
  assert.equal(pending(ctx), 0);
  assert.equal(ctx.logged.length, 0, 'nothing reported for errors that were retried');
});

test('a batch refused with 409 goes one statement at a time: the stored one is dropped, the others arrive', async () => {
  const lrs = fakeLrs(['lost']); // the first statement is stored, but its answer is lost
  const {queue} = newQueue(lrs);

  queue.add(statement(0));
  await until(() => lrs.requests.length === 1, 5000, 'the first request');
  for (let i = 1; i < 5; i++) {
    queue.add(statement(i));
  }
  assert.equal(await queue.drain(5000), true);

  assert.deepEqual(lrs.objects(), range(0, 5));
  const sizes = lrs.requests.map((r) => r.batch.length);
  assert.deepEqual(sizes.slice(0, 3), [1, 5, 1], 'the retried batch of five is refused, then sent singly');
  assert.ok(sizes.slice(2).every((n) => n === 1));
});

test('a 400 for one statement drops only that statement and says so; later statements still arrive', async () => {
  const lrs = fakeLrs([400]);
  const errors = [];
  const {ctx, queue} = newQueue(lrs, {onError: (text) => errors.push(text)});

  queue.add(statement(0));
  queue.add(statement(1));
  queue.add(statement(2));
  assert.equal(await queue.drain(5000), true);

  assert.deepEqual(lrs.objects(), range(1, 2));
  assert.deepEqual(errors, ['The learning record store refused a statement (HTTP 400).']);
  assert.equal(ctx.logged[0][0], 'error');
});

test('statements left in storage are sent by the next queue with the same key (a reload)', async () => {
  const storage = new FakeStorage();
  const offline = fakeLrs(['network', 'network', 'network', 'network', 'network', 'network']);
  const first = newQueue(offline, {baseDelayMs: 60000, maxDelayMs: 60000}, storage);
  first.queue.add(statement(0));
  first.queue.add(statement(1));
  await until(() => first.queue.timer !== null, 5000, 'the backoff after the failed request');
  halt(first.queue); // the page is gone
  assert.equal(JSON.parse(storage.getItem('test-queue')).length, 2);

  const lrs = fakeLrs();
  const second = newQueue(lrs, {}, storage);
  assert.equal(await second.queue.drain(5000), true);

  assert.deepEqual(lrs.objects(), range(0, 2));
  assert.equal(storage.getItem('test-queue'), null);
});

test('the online event retries at once instead of waiting out the backoff', async () => {
  const lrs = fakeLrs(['network']);
  const {ctx, queue} = newQueue(lrs, {baseDelayMs: 60000, maxDelayMs: 60000});

  queue.add(statement(0));
  await until(() => queue.timer !== null, 5000, 'the backoff timer');
  ctx.dispatch('online');

  assert.equal(await queue.drain(5000), true);
  assert.deepEqual(lrs.objects(), range(0, 1));
});

test('the backoff doubles per failure up to maxDelayMs, with jitter in its upper half', async () => {
  const lrs = fakeLrs();
  const delays = [];
  const ctx = loadParts(['util.js', 'statement-queue.js'], {fetch: async () => reply(503), globals: {
    setTimeout: (fn, ms) => { delays.push(ms); return delays.length; }, clearTimeout: () => {}}});
  const queue = new ctx.StatementQueue({endpoint: ENDPOINT, baseDelayMs: 100, maxDelayMs: 350});

  queue.add(statement(0));
  for (let failure = 1; failure <= 4; failure++) {
    await until(() => delays.length === failure, 5000, 'failure ' + failure);
    queue.timer = null;
    queue.flush();
  }

  const ceilings = [100, 200, 350, 350];
  delays.forEach((ms, i) => assert.ok(ms >= ceilings[i] / 2 && ms <= ceilings[i], ms + ' within ' + ceilings[i]));
  assert.equal(lrs.requests.length, 0);
});

test('drain resolves false when the time runs out first, and the statements stay stored', async () => {
  const lrs = fakeLrs(Array(1000).fill(503));
  const {ctx, queue} = newQueue(lrs);

  queue.add(statement(0));
  assert.equal(await queue.drain(30), false);
  assert.equal(pending(ctx), 1);
  halt(queue);
});

test('on page hide what is left goes with keepalive, within the 64 KB budget, and stays stored until confirmed', async () => {
  const lrs = fakeLrs(Array(1000).fill('network'));
  const {ctx, queue} = newQueue(lrs, {baseDelayMs: 60000, maxDelayMs: 60000, batchSize: 25});
  const big = 'x'.repeat(20000);

  for (let i = 0; i < 5; i++) {
    queue.add(Object.assign(statement(i), {result: {response: big}}));
  }
  await until(() => queue.timer !== null, 5000, 'the backoff timer');
  halt(queue);
  queue.sendOnUnload();

  const last = lrs.requests[lrs.requests.length - 1];
  assert.equal(last.init.keepalive, true);
  assert.equal(last.batch.length, 2, 'three 20 KB statements would pass 60,000 characters');
  assert.equal(pending(ctx), 5);
});

test('the queue listens for pagehide itself unless its adapter sends on unload (unload: false)', () => {
  const lrs = fakeLrs();
  assert.equal(newQueue(lrs).ctx.listeners.pagehide.length, 1);
  assert.equal(newQueue(lrs, {unload: false}).ctx.listeners.pagehide, undefined);
});

test('without a key, or with storage disabled, the queue still delivers (nothing is persisted)', async () => {
  const lrs = fakeLrs();
  const withoutKey = newQueue(lrs, {key: undefined});
  withoutKey.queue.add(statement(0));
  assert.equal(await withoutKey.queue.drain(5000), true);
  assert.equal(withoutKey.ctx.localStorage.map.size, 0);

  const disabled = newQueue(lrs, {}, new FakeStorage(true));
  disabled.queue.add(statement(1));
  assert.equal(await disabled.queue.drain(5000), true);
  assert.deepEqual(lrs.objects(), range(0, 2));
});
