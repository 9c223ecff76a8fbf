'use strict';
// The item draw (parts/draw.js): the steps of KnowledgeCheckDraw (docs/content-format.md, "The draw"). The browser
// test PlayerDrawParityTest compares the player with the Java class on the real catalogue; these pin the building
// blocks and the rules on a small bank, without a browser.
const test = require('node:test');
const assert = require('node:assert/strict');
const {loadParts, plain} = require('./load');
const {moduleData} = require('./fixtures');

function player(changes) {
  const ctx = loadParts(['util.js', 'draw.js', 'state.js'], {moduleData: moduleData('scorm12', changes)});
  ctx.loadData();
  return ctx;
}

function set(ids) {
  return Object.fromEntries(ids.map((id) => [id, true]));
}

function draw(ctx, attempt, asked, revealed) {
  return plain(ctx.drawItems(ctx.mod, 'learner:pat', 2027, attempt, set(asked || []), set(revealed || []))
    .map((q) => q.id));
}

test('FNV-1a and mulberry32 give their published reference values (as KnowledgeCheckDrawTest pins in Java)', () => {
  const ctx = player();
  assert.equal(ctx.fnv1a('') >>> 0, 0x811c9dc5);
  assert.equal(ctx.fnv1a('a') >>> 0, 0xe40c292c);
  assert.equal(ctx.fnv1a('foobar') >>> 0, 0xbf9cf968);
  // over the UTF-8 bytes, as the Java side hashes them (checked here with BigInt arithmetic)
  for (const text of ['caf\u00e9', '\u201cquoted\u201d \ud83d\ude00']) {
    let hash = 0x811c9dc5n;
    for (const byte of Buffer.from(text, 'utf8')) {
      hash = ((hash ^ BigInt(byte)) * 0x01000193n) % 0x100000000n;
    }
    assert.equal(ctx.fnv1a(text) >>> 0, Number(hash), text);
  }
  const random = ctx.mulberry32(1);
  assert.deepEqual([random(), random(), random()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
});

test('the draw for a seed, cycle and attempt is pinned (a change here must also change KnowledgeCheckDraw)', () => {
  const ctx = player();
  const pinned = (attempt, asked, revealed) => plain(ctx.drawItems(ctx.mod, 'learner:pat', 2027, attempt, set(asked),
    set(revealed)).map((q) => [q.id, ctx.choiceOrder(q, 'learner:pat', 2027, attempt, ctx.mod).map((c) => c.id).join('')]));

  assert.deepEqual(pinned(1, [], []), [['minimum-1', 'bdac'], ['phi-1', 'dbca']]);
  assert.deepEqual(pinned(2, ['phi-1'], []), [['phi-2', 'dacb'], ['minimum-1', 'dbca']]);
  assert.deepEqual(pinned(3, [], ['phi-1']), [['phi-2', 'bdac'], ['minimum-1', 'dcab']]);
});

test('an attempt asks itemsPerObjective items of every objective that has a bank', () => {
  const one = player();
  assert.deepEqual(draw(one, 1).map((id) => id.split('-')[0]).sort(), ['minimum', 'phi']);

  const two = player();
  two.mod.itemsPerObjective = 2;
  assert.equal(draw(two, 1).length, 4);
  assert.equal(two.perObjective(), 2);
});

test('the same inputs draw the same items; items asked before come last, revealed ones never', () => {
  const ctx = player();
  assert.deepEqual(draw(ctx, 1), draw(ctx, 1));
  for (let attempt = 1; attempt < 20; attempt++) {
    const asked = draw(ctx, attempt);
    const next = draw(ctx, attempt + 1, asked);
    assert.equal(next.filter((id) => asked.includes(id)).length, 0, 'a bank of two per objective has a fresh item');
    assert.ok(!draw(ctx, attempt, [], ['phi-1', 'minimum-2']).some((id) => id === 'phi-1' || id === 'minimum-2'));
  }
  assert.deepEqual(draw(ctx, 1, [], ['phi-1', 'phi-2']).length, 1, 'an objective with every item revealed is skipped');
});

test('choices are shuffled per item and attempt, unless the item keeps its order', () => {
  const ctx = player();
  const q = ctx.bank[0];
  const orders = new Set();
  for (let attempt = 1; attempt < 12; attempt++) {
    const order = plain(ctx.choiceOrder(q, 'learner:pat', 2027, attempt).map((c) => c.id));
    assert.deepEqual([...order].sort(), ['a', 'b', 'c', 'd']);
    orders.add(order.join(''));
  }
  assert.ok(orders.size > 1);
  q.keepChoiceOrder = true;
  assert.deepEqual(plain(ctx.choiceOrder(q, 'learner:pat', 2027, 5).map((c) => c.id)), ['a', 'b', 'c', 'd']);
});

test('a wrong answer\'s key is revealed only while its objective keeps enough unrevealed items', () => {
  const ctx = player();
  const [phi1, phi2] = ctx.bank;
  assert.equal(ctx.mayReveal(phi1, set([])), true);
  assert.equal(ctx.mayReveal(phi1, set(['phi-2'])), false, 'phi-2 revealed: phi-1 is the last one left');
  ctx.mod.itemsPerObjective = 2;
  assert.equal(ctx.mayReveal(phi2, set([])), false, 'two per attempt need both');
});
