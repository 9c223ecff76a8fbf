'use strict';
// The resume state (parts/state.js): what suspend_data and the State API document hold, read back defensively.
const test = require('node:test');
const assert = require('node:assert/strict');
const {loadParts, plain} = require('./load');
const {moduleData} = require('./fixtures');

function player() {
  const ctx = loadParts(['util.js', 'draw.js', 'state.js'], {moduleData: moduleData('scorm12')});
  ctx.loadData();
  ctx.state = ctx.freshState();
  return ctx;
}

test('a new attempt records its seed, cycle and items (two base-36 digits per bank position)', () => {
  const ctx = player();
  ctx.seedKey = 'learner:pat';

  ctx.newAttempt();

  assert.equal(ctx.state.e, 'learner:pat');
  assert.equal(ctx.state.y, new Date().getUTCFullYear());
  assert.equal(ctx.state.q, plain(ctx.questions.map((q) => String(ctx.bank.indexOf(q)).padStart(2, '0')).join('')));
  assert.deepEqual(plain(ctx.drawnItems(ctx.state).map((q) => q.id)), plain(ctx.questions.map((q) => q.id)));
});

test('without a seed from the adapter the attempt gets a random local one, kept for later attempts', () => {
  const ctx = player();
  ctx.newAttempt();
  const seed = ctx.state.e;
  assert.match(seed, /^local:[0-9a-f-]{36}$/);
  ctx.state.t += 1;
  ctx.newAttempt();
  assert.equal(ctx.state.e, seed);
});

test('the state survives encoding, and the resume point names the screen', () => {
  const ctx = player();
  ctx.seedKey = 'learner:pat';
  ctx.newAttempt();
  ctx.setAnswer(1, '03');
  ctx.state.s = 'Q';
  ctx.state.i = 1;

  const text = ctx.encodeState();

  assert.deepEqual(plain(ctx.decodeState(text)), plain(ctx.state));
  assert.equal(ctx.state.a, ',03');
  assert.equal(ctx.resumePoint(), 'Q1');
  ctx.state.s = 'R';
  assert.equal(ctx.resumePoint(), 'R');
});

test('state from another player version, or broken, is ignored; fields of the wrong type take their defaults', () => {
  const ctx = player();
  assert.equal(ctx.decodeState('{"v":1,"s":"L"}'), null);
  assert.equal(ctx.decodeState('not json'), null);
  assert.equal(ctx.decodeState(''), null);
  const decoded = ctx.decodeState('{"v":2,"s":"L","i":"1","t":3,"p":true}');
  assert.deepEqual([decoded.s, decoded.i, decoded.t, decoded.p], ['L', 0, 3, 0]);
});

test('a draw that no longer fits the bank (content changed) is dropped: back to the last lesson', () => {
  const ctx = player();
  const decoded = ctx.decodeState(JSON.stringify(Object.assign(ctx.freshState(), {s: 'Q', i: 1, q: '0009', a: '1,2'})));
  assert.deepEqual([decoded.s, decoded.i, decoded.q, decoded.a], ['L', 1, '', '']);
  const outOfRange = ctx.decodeState(JSON.stringify(Object.assign(ctx.freshState(), {s: 'L', i: 7})));
  assert.equal(outOfRange.i, 0);
});

test('asked and revealed items are hexadecimal bit sets over the bank', () => {
  const ctx = player();
  let hex = '';
  hex = ctx.withBit(hex, ctx.bank[0]);
  hex = ctx.withBit(hex, ctx.bank[3]);
  assert.equal(hex, '9');
  assert.deepEqual(plain(ctx.bits(hex)), {'phi-1': true, 'minimum-2': true});
  assert.deepEqual(plain(ctx.bits('')), {});
});

test('answers are stored as choice positions in the bank\'s order and judged as a set', () => {
  const ctx = player();
  const q = ctx.bank[2]; // correct: a and d
  const encoded = ctx.encodeSelection(q, ['d', 'a']);
  assert.equal(encoded, '03');
  assert.deepEqual(plain(ctx.selectedIds(q, encoded)), ['a', 'd']);
  assert.equal(ctx.isCorrect(q, ['a', 'd']), true);
  assert.equal(ctx.isCorrect(q, ['a']), false);
  assert.equal(ctx.isCorrect(q, ['a', 'd', 'b']), false);
});
