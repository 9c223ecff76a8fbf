'use strict';
// The local and SCORM adapters (parts/adapters-scorm.js) against a fake LMS runtime object: discovery, start and
// resume, what each call writes to the data model in SCORM 1.2 and 2004, and how the session ends.
const test = require('node:test');
const assert = require('node:assert/strict');
const {loadParts, plain} = require('./load');
const {moduleData} = require('./fixtures');

const PARTS = ['util.js', 'draw.js', 'state.js', 'adapters-scorm.js'];

const CALLS = {
  '1.2': {init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
    error: 'LMSGetLastError', name: 'API', format: 'scorm12'},
  '2004': {init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
    error: 'GetLastError', name: 'API_1484_11', format: 'scorm2004'}
};

/** An LMS runtime: values by element, a log of calls; sets are refused before initialize and after finish. */
function fakeLms(version, initial, options) {
  const c = CALLS[version];
  const lms = {values: Object.assign({}, initial), log: [], open: false, interactions: 0, api: {}};
  lms.api[c.init] = (arg) => {
    lms.log.push([c.init, arg]);
    lms.open = !(options && options.refuse);
    return String(lms.open);
  };
  lms.api[c.get] = (element) => element === 'cmi.interactions._count' ? String(lms.interactions)
    : lms.values[element] === undefined ? '' : lms.values[element];
  lms.api[c.set] = (element, value) => {
    lms.log.push(['set', element, value]);
    if (!lms.open || (options && options.readOnly === element)) {
      return 'false';
    }
    lms.values[element] = value;
    if (element === 'cmi.interactions.' + lms.interactions + '.id') {
      lms.interactions += 1;
    }
    return 'true';
  };
  lms.api[c.commit] = (arg) => {
    lms.log.push(['commit', arg]);
    return 'true';
  };
  lms.api[c.finish] = (arg) => {
    lms.log.push([c.finish, arg]);
    lms.open = false;
    return 'true';
  };
  lms.api[c.error] = () => '101';
  lms.sets = () => lms.log.filter((e) => e[0] === 'set').map((e) => e[1] + '=' + e[2]);
  lms.clear = () => {
    lms.log.length = 0;
  };
  return lms;
}

/** A player context whose window (or, with where, a parent or opener) holds lms; the module data loaded. */
function player(version, lms, where, changes) {
  const c = CALLS[version];
  const holder = {};
  if (lms) {
    holder[c.name] = lms.api;
  }
  const globals = where === 'parent' ? {parent: holder} : where === 'opener' ? {opener: holder} : holder;
  const ctx = loadParts(PARTS, {moduleData: moduleData(c.format, changes), globals});
  ctx.loadData();
  return {ctx, adapter: ctx.ADAPTERS[c.format]()};
}

/** Starts an attempt as the player does: fresh state, its seed, the drawn items. */
function attempt(ctx, seedKey) {
  ctx.state = ctx.freshState();
  ctx.seedKey = seedKey;
  ctx.newAttempt();
  return ctx.questions;
}

test('SCORM 1.2: a first launch initializes, marks the lesson incomplete and seeds the draw with the learner id', () => {
  const lms = fakeLms('1.2', {'cmi.core.lesson_status': 'not attempted', 'cmi.core.student_id': 'S-42'});
  const {adapter} = player('1.2', lms);

  const started = adapter.start();

  assert.deepEqual(lms.log[0], ['LMSInitialize', '']);
  assert.deepEqual(lms.sets(), ['cmi.core.lesson_status=incomplete']);
  assert.deepEqual(lms.log[lms.log.length - 1], ['commit', '']);
  assert.equal(started.state, null);
  assert.equal(started.seedKey, 'learner:S-42');
});

test('SCORM 1.2: a status the LMS already has is left alone', () => {
  const lms = fakeLms('1.2', {'cmi.core.lesson_status': 'passed'});
  player('1.2', lms).adapter.start();

  assert.deepEqual(lms.sets(), []);
});

test('SCORM 1.2: the resume state comes from suspend_data, or from lesson_location when the LMS kept only that', () => {
  const saved = JSON.stringify({v: 2, s: 'L', i: 1, t: 1, y: 2027, e: 'learner:S-42', q: '', a: '', h: '', x: '',
    r: -1, p: 0, c: 0, k: 0, w: 0});
  assert.equal(player('1.2', fakeLms('1.2', {'cmi.suspend_data': saved})).adapter.start().state, saved);

  const atQuestion = player('1.2', fakeLms('1.2', {'cmi.core.lesson_location': 'Q3'})).adapter.start().state;
  assert.deepEqual([atQuestion.s, atQuestion.i], ['L', 1], 'answers are lost: back to the last lesson');
  const atLesson = player('1.2', fakeLms('1.2', {'cmi.core.lesson_location': 'L0', 'cmi.suspend_data': '{"v":1}'}))
    .adapter.start().state;
  assert.deepEqual([atLesson.s, atLesson.i], ['L', 0], 'an older player\'s suspend data is ignored');
  assert.equal(player('1.2', fakeLms('1.2', {'cmi.core.lesson_location': 'S'})).adapter.start().state, null);
});

test('the API is found in a parent frame or in the opener', () => {
  for (const where of ['parent', 'opener']) {
    const lms = fakeLms('1.2', {});
    player('1.2', lms, where).adapter.start();
    assert.deepEqual(lms.log[0], ['LMSInitialize', ''], where);
  }
});

test('without an LMS, or when it refuses to initialize, start fails with a message for the learner', () => {
  assert.throws(() => player('1.2', null).adapter.start(),
    {message: 'No SCORM 1.2 LMS connection was found, so your progress is kept in this browser only.'});
  assert.throws(() => player('2004', null).adapter.start(), {message: /^No SCORM 2004 LMS connection/});
  assert.throws(() => player('1.2', fakeLms('1.2', {}, {refuse: true})).adapter.start(),
    {message: 'LMSInitialize failed (error 101).'});
});

test('SCORM 1.2: save writes the resume point and the state, then commits', () => {
  const lms = fakeLms('1.2', {});
  const {adapter} = player('1.2', lms);
  adapter.start();
  lms.clear();

  adapter.save('{"v":2}', 'L1');

  assert.deepEqual(lms.sets(), ['cmi.core.lesson_location=L1', 'cmi.suspend_data={"v":2}']);
  assert.deepEqual(lms.log[lms.log.length - 1], ['commit', '']);
});

test('SCORM 1.2: an answer becomes the next interaction, in 1.2 vocabulary', () => {
  const lms = fakeLms('1.2', {});
  const {ctx, adapter} = player('1.2', lms);
  adapter.start();
  const items = attempt(ctx, 'learner:S-42');
  lms.clear();

  adapter.answered(0, ['a', 'c'], false);
  adapter.answered(1, items[1].correct, true);

  const v = lms.values;
  assert.equal(v['cmi.interactions.0.id'], items[0].id);
  assert.equal(v['cmi.interactions.0.type'], 'choice');
  assert.match(v['cmi.interactions.0.time'], /^\d\d:\d\d:\d\d$/);
  assert.equal(v['cmi.interactions.0.correct_responses.0.pattern'], items[0].correct.join(','));
  assert.equal(v['cmi.interactions.0.student_response'], 'a,c');
  assert.equal(v['cmi.interactions.0.result'], 'wrong');
  assert.equal(v['cmi.interactions.0.weighting'], '1');
  assert.equal(v['cmi.interactions.1.id'], items[1].id);
  assert.equal(v['cmi.interactions.1.result'], 'correct');
});

test('SCORM 1.2: a score sets raw, min, max and passed or failed; completion keeps "passed"', () => {
  const lms = fakeLms('1.2', {});
  const {ctx, adapter} = player('1.2', lms);
  adapter.start();
  attempt(ctx, 'learner:S-42');

  adapter.scored(1, 2, 0.5, false, []);
  assert.deepEqual([lms.values['cmi.core.score.raw'], lms.values['cmi.core.score.min'], lms.values['cmi.core.score.max'],
    lms.values['cmi.core.lesson_status']], ['50', '0', '100', 'failed']);
  adapter.scored(2, 2, 1, true, []);
  assert.deepEqual([lms.values['cmi.core.score.raw'], lms.values['cmi.core.lesson_status']], ['100', 'passed']);
  adapter.completed();
  assert.equal(lms.values['cmi.core.lesson_status'], 'passed');
});

test('SCORM 1.2: a module without a knowledge check is "completed"', () => {
  const lms = fakeLms('1.2', {});
  const {adapter} = player('1.2', lms); // no attempt drawn: no items
  adapter.start();

  adapter.completed();

  assert.equal(lms.values['cmi.core.lesson_status'], 'completed');
});

test('SCORM 1.2: suspend writes the session time and exit "suspend", commits, finishes, and then writes nothing', () => {
  const lms = fakeLms('1.2', {});
  const {adapter} = player('1.2', lms);
  adapter.start();
  lms.clear();

  adapter.suspend(62504);
  adapter.save('{"v":2}', 'L1');
  adapter.finish(1000);

  assert.deepEqual(lms.log, [['set', 'cmi.core.session_time', '0000:01:02.50'], ['set', 'cmi.core.exit', 'suspend'],
    ['commit', ''], ['LMSFinish', '']]);
});

test('SCORM 1.2: finish exits normally (an empty cmi.core.exit)', () => {
  const lms = fakeLms('1.2', {});
  const {adapter} = player('1.2', lms);
  adapter.start();

  adapter.finish(3600000 * 2 + 5);

  assert.equal(lms.values['cmi.core.exit'], '');
  assert.equal(lms.values['cmi.core.session_time'], '0002:00:00.01');
  assert.deepEqual(lms.log[lms.log.length - 1], ['LMSFinish', '']);
});

test('a value the LMS refuses is logged with its error code and does not stop the others', () => {
  const lms = fakeLms('1.2', {}, {readOnly: 'cmi.core.lesson_location'});
  const {ctx, adapter} = player('1.2', lms);
  adapter.start();

  adapter.save('{"v":2}', 'L1');

  assert.equal(lms.values['cmi.suspend_data'], '{"v":2}');
  assert.deepEqual(plain(ctx.logged), [['warn', '[player] LMSSetValue(cmi.core.lesson_location) failed: error 101']]);
});

test('SCORM 2004: start marks an unknown completion incomplete and seeds the draw with learner_id', () => {
  const lms = fakeLms('2004', {'cmi.completion_status': 'unknown', 'cmi.learner_id': 'pat'});
  const started = player('2004', lms).adapter.start();

  assert.deepEqual(lms.log[0], ['Initialize', '']);
  assert.deepEqual(lms.sets(), ['cmi.completion_status=incomplete']);
  assert.equal(started.seedKey, 'learner:pat');
});

test('SCORM 2004: save, answers, score and completion in 2004 vocabulary', () => {
  const lms = fakeLms('2004', {});
  const {ctx, adapter} = player('2004', lms, null);
  adapter.start();
  const items = attempt(ctx, 'learner:pat');
  items[0].prompt = 'x'.repeat(300);

  adapter.save('{"v":2}', 'Q0');
  adapter.answered(0, ['a', 'd'], false);
  adapter.scored(2, 3, 2 / 3, false, []);
  adapter.completed();

  const v = lms.values;
  assert.equal(v['cmi.location'], 'Q0');
  assert.equal(v['cmi.suspend_data'], '{"v":2}');
  assert.match(v['cmi.interactions.0.timestamp'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
  assert.equal(v['cmi.interactions.0.description'].length, 250);
  assert.equal(v['cmi.interactions.0.correct_responses.0.pattern'], items[0].correct.join('[,]'));
  assert.equal(v['cmi.interactions.0.learner_response'], 'a[,]d');
  assert.equal(v['cmi.interactions.0.result'], 'incorrect');
  assert.deepEqual([v['cmi.score.raw'], v['cmi.score.min'], v['cmi.score.max'], v['cmi.score.scaled']],
    ['67', '0', '100', '0.6667']);
  assert.equal(v['cmi.success_status'], 'failed');
  assert.equal(v['cmi.completion_status'], 'completed');
});

test('SCORM 2004: suspend and finish write an ISO 8601 session time, cmi.exit, then Terminate', () => {
  const suspended = fakeLms('2004', {});
  const first = player('2004', suspended).adapter;
  first.start();
  first.suspend(62504);
  assert.equal(suspended.values['cmi.session_time'], 'PT1M2.50S');
  assert.equal(suspended.values['cmi.exit'], 'suspend');
  assert.deepEqual(suspended.log[suspended.log.length - 1], ['Terminate', '']);

  const finished = fakeLms('2004', {});
  const second = player('2004', finished).adapter;
  second.start();
  second.finish(3723000);
  assert.equal(finished.values['cmi.session_time'], 'PT1H2M3.00S');
  assert.equal(finished.values['cmi.exit'], 'normal');
});

test('the local adapter keeps the state in localStorage under the module id and version', () => {
  const ctx = loadParts(PARTS, {moduleData: moduleData('scorm12')});
  ctx.loadData();
  const local = ctx.ADAPTERS.local();

  assert.deepEqual(plain(local.start()), {state: null});
  local.save('{"v":2}', 'L1');
  assert.equal(ctx.localStorage.getItem('hipaa-player:privacy:2.1.0'), '{"v":2}');
  assert.deepEqual(plain(ctx.ADAPTERS.local().start()), {state: '{"v":2}'});
});
