'use strict';
// The xapi (tincan.xml launch) and cmi5 adapters and the State API document (parts/adapters-xapi.js) against a fake
// LRS/LMS: launch parameters, the statements each player event sends, the cmi5 rules, and resume-state writes.
const test = require('node:test');
const assert = require('node:assert/strict');
const {loadParts, plain, until, reply} = require('./load');
const {moduleData, BASE} = require('./fixtures');

const PARTS = ['util.js', 'draw.js', 'state.js', 'statement-queue.js', 'adapters-xapi.js'];
const ENDPOINT = 'https://lrs.example.org/xapi/';
const FETCH = 'https://lms.example.org/cmi5/fetch/abc';
const REGISTRATION = '0b5e1c2a-7d4f-4e3a-9c1b-2a3d4e5f6a7b';
const ACTIVITY = 'https://lms.example.org/au/privacy';
const ACTOR = {objectType: 'Agent', name: 'Pat', account: {homePage: 'https://lms.example.org', name: 'pat'}};
const ADL = 'http://adlnet.gov/expapi/verbs/';
const OURS = 'https://hipaa-training.org/xapi/';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/**
 * An LRS with one resume document (ETag-checked writes) and a statements resource, plus a cmi5 LMS's fetch URL
 * (one token, then an error) and LMS.LaunchData. Every request is logged.
 */
function fakeLrs(options) {
  const opts = options || {};
  const lrs = {requests: [], statements: [], resume: opts.resume || null, etag: opts.resume ? '"e1"' : null,
    tokens: 0, launchData: opts.launchData || {launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.5,
      contextTemplate: {extensions: {[SESSION]: 'session-1'}}}, refuseNextPut: 0};
  lrs.fetch = async (url, init) => {
    const request = {url, method: (init && init.method) || 'GET', headers: (init && init.headers) || {},
      body: init && init.body, keepalive: init && init.keepalive};
    lrs.requests.push(request);
    const u = new URL(url);
    if (url.startsWith(FETCH)) {
      lrs.tokens += 1;
      return lrs.tokens === 1 ? reply(200, {'auth-token': 'dG9rZW4='})
        : reply(400, {'error-code': '1', 'error-text': 'already fetched'});
    }
    if (u.pathname.endsWith('/statements')) {
      // A statement whose id is stored already (sent again after a lost answer, or on page hide) is not stored twice.
      lrs.statements.push(...JSON.parse(init.body).filter((s) => !lrs.statements.some((kept) => kept.id === s.id)));
      return reply(200, []);
    }
    if (u.pathname.endsWith('/activities/state') && u.searchParams.get('stateId') === 'LMS.LaunchData') {
      return reply(200, lrs.launchData);
    }
    if (u.pathname.endsWith('/activities/state')) {
      return resume(request);
    }
    return reply(404);
  };

  function resume(request) {
    if (request.method === 'GET') {
      return lrs.resume === null ? reply(404) : reply(200, lrs.resume, {ETag: lrs.etag});
    }
    const ifMatch = request.headers['If-Match'], ifNone = request.headers['If-None-Match'];
    if (lrs.refuseNextPut > 0) {
      lrs.refuseNextPut -= 1;
      return reply(412);
    }
    if ((ifNone === '*' && lrs.resume !== null) || (ifMatch && ifMatch !== lrs.etag) || (!ifNone && !ifMatch)) {
      return reply(412);
    }
    lrs.resume = request.body;
    lrs.etag = '"e' + (Number(lrs.etag ? lrs.etag.slice(2, -1) : 0) + 1) + '"';
    return reply(204, null, {ETag: lrs.etag});
  }

  lrs.verbs = () => lrs.statements.map((s) => s.verb.id.replace(ADL, '').replace(OURS, 'ours:'));
  lrs.last = () => plain(lrs.statements[lrs.statements.length - 1]);
  lrs.puts = () => lrs.requests.filter((r) => r.method === 'PUT');
  return lrs;
}

function search(params) {
  return '?' + new URLSearchParams(params).toString();
}

function xapiLaunch(changes) {
  return search(Object.assign({endpoint: ENDPOINT.replace(/\/$/, ''), auth: 'Basic bGVhcm5lcjpzZWNyZXQ=',
    actor: JSON.stringify(ACTOR), registration: REGISTRATION, activity_id: BASE + 'modules/privacy'}, changes || {}));
}

function cmi5Launch(changes) {
  return search(Object.assign({endpoint: ENDPOINT, fetch: FETCH, actor: JSON.stringify(ACTOR),
    registration: REGISTRATION, activityId: ACTIVITY}, changes || {}));
}

/** A player context for format with the launch query; its adapter made as boot makes it. */
function player(format, lrs, query, options) {
  const opts = options || {};
  const ctx = loadParts(PARTS, {moduleData: moduleData(format, opts.data), fetch: lrs.fetch, search: query,
    sessionStorage: opts.sessionStorage});
  ctx.loadData();
  return {ctx, adapter: ctx.ADAPTERS[format]()};
}

/** Starts the adapter and sets up what boot does with its answer: mastery, seed, state, a drawn attempt. */
async function start(ctx, adapter) {
  const started = await adapter.start();
  if (typeof started.masteryScore === 'number') {
    ctx.mastery = started.masteryScore;
  }
  ctx.seedKey = started.seedKey;
  ctx.state = ctx.decodeState(started.state) || ctx.freshState();
  ctx.newAttempt();
  return started;
}

async function sent(lrs, count) {
  await until(() => lrs.statements.length >= count, 5000, count + ' statements');
  await new Promise((resolve) => setTimeout(resolve, 5)); // and nothing more
  assert.equal(lrs.statements.length, count, lrs.verbs().join(' '));
}

test('xapi: opened without its launch parameters, start says progress stays in this browser', async () => {
  const {adapter} = player('xapi', fakeLrs(), '');
  await assert.rejects(async () => adapter.start(), {message: /^This module was opened without its xAPI launch/});
});

test('xapi: start reads the resume document, sends initialized with the launch auth and seeds the draw', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch());

  const started = await start(ctx, adapter);
  await sent(lrs, 1);

  assert.equal(started.state, null);
  assert.equal(started.seedKey, REGISTRATION);
  const get = lrs.requests[0];
  assert.equal(get.method, 'GET');
  assert.equal(get.url, ENDPOINT + 'activities/state?activityId=' + encodeURIComponent(BASE + 'modules/privacy')
    + '&agent=' + encodeURIComponent(JSON.stringify(ACTOR)) + '&registration=' + REGISTRATION + '&stateId=resume');
  assert.equal(get.headers.Authorization, 'Basic bGVhcm5lcjpzZWNyZXQ=');
  assert.equal(get.headers['X-Experience-API-Version'], '1.0.3');
  const post = lrs.requests.find((r) => r.method === 'POST');
  assert.equal(post.headers.Authorization, 'Basic bGVhcm5lcjpzZWNyZXQ=');

  const s = lrs.last();
  assert.deepEqual(s.actor, ACTOR);
  assert.deepEqual(s.verb, {id: ADL + 'initialized', display: {'en-US': 'initialized'}});
  assert.deepEqual(s.object, {objectType: 'Activity', id: BASE + 'modules/privacy', definition: {
    type: 'http://adlnet.gov/expapi/activities/module', name: {'en-US': 'Privacy basics'},
    description: {'en-US': 'What PHI is and who may see it.'}}});
  assert.deepEqual(s.context, {registration: REGISTRATION,
    contextActivities: {grouping: [{objectType: 'Activity', id: BASE + 'courses/front-desk'}]},
    extensions: {[OURS + 'extensions/module-version']: '2.1.0', [OURS + 'extensions/role']: 'front-desk',
      [OURS + 'extensions/package-format']: 'xapi'}});
});

test('xapi: a legacy TinCan actor is normalised, and without a registration the actor seeds the draw', async () => {
  const lrs = fakeLrs();
  const legacy = {name: ['Pat'], mbox: ['mailto:pat@example.org']};
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch({actor: JSON.stringify(legacy), registration: ''}));

  const started = await start(ctx, adapter);
  await sent(lrs, 1);

  assert.equal(started.seedKey, 'actor:mailto:pat@example.org');
  assert.deepEqual(lrs.last().actor, {objectType: 'Agent', name: 'Pat', mbox: 'mailto:pat@example.org'});
  assert.equal(lrs.last().context.registration, undefined);
});

test('xapi: lessons, answers, the score, the acknowledgement and the end become statements', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch());
  await start(ctx, adapter);
  const items = ctx.questions;

  adapter.experienced(1);
  adapter.answered(0, ['a', 'c'], false);
  adapter.scored(1, 2, 0.5, false, [ctx.objectives[0]]);
  adapter.completed();
  adapter.acknowledged(ctx.mod.attestation, 'f'.repeat(64));
  adapter.finish(90000);
  adapter.close(95000);
  adapter.experienced(0);
  await sent(lrs, 7);

  assert.deepEqual(lrs.verbs(), ['initialized', 'experienced', 'answered', 'failed', 'completed',
    'ours:verbs/acknowledged', 'terminated']);
  const [, lesson, answer, failed, completed, acknowledged, terminated] = plain(lrs.statements);
  assert.deepEqual(lesson.object, {objectType: 'Activity', id: BASE + 'modules/privacy/lessons/minimum-necessary',
    definition: {type: 'http://adlnet.gov/expapi/activities/lesson', name: {'en-US': 'Minimum necessary'}}});
  assert.deepEqual(lesson.context.contextActivities.parent, [{objectType: 'Activity', id: BASE + 'modules/privacy'}]);

  const q = items[0];
  assert.equal(answer.object.id, q.iri);
  assert.equal(answer.object.definition.interactionType, 'choice');
  assert.deepEqual(answer.object.definition.correctResponsesPattern, [q.correct.join('[,]')]);
  assert.deepEqual(answer.object.definition.choices.map((c) => c.id), ['a', 'b', 'c', 'd'], 'in the bank order');
  assert.deepEqual(answer.result, {response: 'a[,]c', success: false});
  const ext = answer.context.extensions;
  assert.deepEqual(ext[OURS + 'extensions/knowledge-check-draw'], {seed: REGISTRATION, cycle: ctx.state.y, attempt: 1,
    items: plain(items.map((i) => i.id))});
  assert.deepEqual(ext[OURS + 'extensions/choice-order'],
    plain(ctx.choiceOrder(q, REGISTRATION, ctx.state.y, 1).map((c) => c.id)));

  assert.deepEqual(failed.result.score, {scaled: 0.5, raw: 50, min: 0, max: 100});
  assert.equal(failed.result.success, false);
  assert.match(failed.result.duration, /^PT/);
  assert.deepEqual(failed.context.extensions[OURS + 'extensions/objectives-missed'], ['phi']);
  assert.equal(failed.context.contextActivities.category, undefined, 'no cmi5 categories outside cmi5');
  assert.deepEqual(completed.result.completion, true);

  assert.equal(acknowledged.verb.id, OURS + 'verbs/acknowledged');
  assert.equal(acknowledged.object.id, BASE + 'attestations/privacy-policy');
  assert.deepEqual([acknowledged.context.extensions[OURS + 'extensions/policy-id'],
    acknowledged.context.extensions[OURS + 'extensions/policy-version'],
    acknowledged.context.extensions[OURS + 'extensions/policy-sha256'],
    acknowledged.context.extensions[OURS + 'extensions/policy-sections']], ['privacy-policy', '3', 'f'.repeat(64), ['uses']]);

  assert.deepEqual(terminated.result, {duration: 'PT1M30.00S'});
  assert.ok(lrs.requests.some((r) => r.method === 'POST' && r.keepalive), 'the end is sent with keepalive too');
});

test('xapi: the page\'s vocabulary names the extensions and the acknowledged verb', async () => {
  const lrs = fakeLrs();
  const vocabulary = {moduleVersion: 'https://example.org/ext/mv', acknowledged: 'https://example.org/verbs/ack'};
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch(), {data: {vocabulary}});
  await start(ctx, adapter);

  adapter.acknowledged(ctx.mod.attestation, null);
  await sent(lrs, 2);

  assert.equal(lrs.last().verb.id, 'https://example.org/verbs/ack');
  assert.equal(lrs.last().context.extensions['https://example.org/ext/mv'], '2.1.0');
  assert.equal(lrs.last().context.extensions[OURS + 'extensions/policy-sha256'], undefined);
});

test('the resume document is created with If-None-Match: *, then replaced with If-Match: its ETag', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch());
  await start(ctx, adapter);

  adapter.save('{"v":2,"n":1}');
  await until(() => lrs.resume !== null, 5000, 'the first save');
  adapter.save('{"v":2,"n":2}');
  await until(() => lrs.puts().length === 2, 5000, 'the second save');

  const puts = lrs.puts();
  assert.deepEqual(puts.map((p) => [p.headers['If-None-Match'], p.headers['If-Match']]),
    [['*', undefined], [undefined, '"e1"']]);
  assert.ok(puts.every((p) => p.keepalive && p.headers['Content-Type'] === 'application/json'));
  assert.equal(lrs.resume, '{"v":2,"n":2}');
});

test('the resume document: a superseded save is skipped, and a 412 re-reads the ETag and saves again once', async () => {
  const stored = JSON.stringify({v: 2, s: 'L', i: 1, t: 1, y: 2027, e: REGISTRATION, q: '', a: '', h: '', x: '', r: -1,
    p: 0, c: 0, k: 0, w: 0});
  const lrs = fakeLrs({resume: stored});
  const {ctx, adapter} = player('xapi', lrs, xapiLaunch());
  const started = await start(ctx, adapter);
  assert.equal(started.state, stored);

  lrs.refuseNextPut = 1; // another tab wrote in between
  adapter.save('{"v":2,"n":1}');
  adapter.save('{"v":2,"n":2}'); // before the first was written: only this one is
  await until(() => lrs.resume !== stored, 5000, 'the save');

  const puts = lrs.puts();
  assert.deepEqual(puts.map((p) => p.body), ['{"v":2,"n":2}', '{"v":2,"n":2}']);
  assert.deepEqual(puts.map((p) => p.headers['If-Match']), ['"e1"', '"e1"']);
  assert.equal(lrs.requests.filter((r) => r.url.includes('stateId=resume') && r.method === 'GET').length, 2,
    'read again after the 412');
  assert.equal(lrs.resume, '{"v":2,"n":2}');
});

test('xapi: an unreadable resume document is a notice, not a failed start', async () => {
  const lrs = fakeLrs();
  const failing = async (url, init) => url.includes('stateId=resume') && !(init && init.method) ? reply(503)
    : lrs.fetch(url, init);
  const {ctx, adapter} = player('xapi', {fetch: failing}, xapiLaunch());

  const started = await start(ctx, adapter);

  assert.equal(started.notice, 'Your saved progress could not be read (HTTP 503).');
  await sent(lrs, 1);
});

test('cmi5: opened without its launch parameters, start says progress stays in this browser', async () => {
  const {adapter} = player('cmi5', fakeLrs(), cmi5Launch({activityId: ''}));
  await assert.rejects(async () => adapter.start(), {message: /^This module was opened without its cmi5 launch/});
});

test('cmi5: start fetches the token once, reads LMS.LaunchData, and statements follow the context template', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('cmi5', lrs, cmi5Launch());

  const started = await start(ctx, adapter);
  adapter.finish(1000);
  await sent(lrs, 2);

  assert.equal(lrs.tokens, 1);
  assert.equal(lrs.requests[0].method, 'POST');
  assert.equal(ctx.sessionStorage.getItem('hipaa-cmi5-token:' + FETCH), 'dG9rZW4=');
  assert.equal(started.masteryScore, 0.5);
  assert.equal(started.seedKey, REGISTRATION);
  assert.equal(started.notice, null);
  const launchData = lrs.requests.find((r) => r.url.includes('LMS.LaunchData'));
  assert.equal(launchData.headers.Authorization, 'Basic dG9rZW4=');
  assert.deepEqual(lrs.verbs(), ['initialized', 'terminated']);
  for (const s of plain(lrs.statements)) {
    assert.equal(s.object.id, ACTIVITY, 'the AU\'s activity id, not the module\'s');
    assert.equal(s.context.registration, REGISTRATION);
    assert.equal(s.context.extensions[SESSION], 'session-1');
    assert.deepEqual(s.context.contextActivities.category, [{objectType: 'Activity', id: CMI5}]);
  }
});

test('cmi5: a reload reuses the token from sessionStorage; a refused fetch is explained', async () => {
  const lrs = fakeLrs();
  const first = player('cmi5', lrs, cmi5Launch());
  await start(first.ctx, first.adapter);
  const reloaded = player('cmi5', lrs, cmi5Launch(), {sessionStorage: first.ctx.sessionStorage});
  await start(reloaded.ctx, reloaded.adapter);
  assert.equal(lrs.tokens, 1);

  const other = player('cmi5', lrs, cmi5Launch());
  await assert.rejects(async () => other.adapter.start(), {message: 'The learning system did not allow this module to '
    + 'record your progress (error 1: already fetched). Close it and launch it again from the course.'});
});

test('cmi5: passed and completed carry moveOn and the mastery score; each is sent once per registration', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('cmi5', lrs, cmi5Launch());
  await start(ctx, adapter);

  adapter.scored(1, 2, 0.5, true, []);
  adapter.scored(2, 2, 1, true, []);
  adapter.scored(0, 2, 0, false, []);
  adapter.completed();
  adapter.completed();
  await sent(lrs, 3);

  assert.deepEqual(lrs.verbs(), ['initialized', 'passed', 'completed']);
  const [, passed, completed] = plain(lrs.statements);
  assert.deepEqual(passed.context.contextActivities.category.map((c) => c.id), [CMI5, MOVEON]);
  assert.equal(passed.context.extensions[MASTERY], 0.5);
  assert.deepEqual(completed.context.contextActivities.category.map((c) => c.id), [CMI5, MOVEON]);

  // A later session of the same registration: the resume state says passed and completed already.
  const later = fakeLrs({resume: JSON.stringify(Object.assign(ctx.freshState(), {p: 1, c: 1, e: REGISTRATION}))});
  const again = player('cmi5', later, cmi5Launch());
  await start(again.ctx, again.adapter);
  again.adapter.scored(2, 2, 1, true, []);
  again.adapter.completed();
  await sent(later, 1);
});

test('cmi5: failed is sent once per session and never after passed', async () => {
  const lrs = fakeLrs();
  const {ctx, adapter} = player('cmi5', lrs, cmi5Launch());
  await start(ctx, adapter);

  adapter.scored(0, 2, 0, false, []);
  adapter.scored(0, 2, 0, false, []);
  adapter.scored(2, 2, 1, true, []);
  adapter.scored(0, 2, 0, false, []);
  await sent(lrs, 3);

  assert.deepEqual(lrs.verbs(), ['initialized', 'failed', 'passed']);
});

test('cmi5: in Browse mode only initialized and terminated are sent, and the learner is told', async () => {
  const lrs = fakeLrs({launchData: {launchMode: 'Browse', contextTemplate: {}}});
  const {ctx, adapter} = player('cmi5', lrs, cmi5Launch());

  const started = await start(ctx, adapter);
  adapter.experienced(0);
  adapter.answered(0, ['a'], false);
  adapter.scored(2, 2, 1, true, []);
  adapter.completed();
  adapter.acknowledged(ctx.mod.attestation, null);
  adapter.suspend(1000);
  await sent(lrs, 2);

  assert.equal(started.notice, 'You opened this module in Browse mode: your answers are not recorded.');
  assert.deepEqual(lrs.verbs(), ['initialized', 'terminated']);
  assert.match(lrs.last().context.extensions[SESSION], /^[0-9a-f-]{36}$/, 'a session id of its own without one');
});

test('cmi5: with a returnURL the finish screen offers to return; exit terminates, waits for delivery, then goes', async () => {
  const lrs = fakeLrs({launchData: {launchMode: 'Normal', returnURL: 'https://lms.example.org/course/1',
    contextTemplate: {}}});
  const {ctx, adapter} = player('cmi5', lrs, cmi5Launch());
  await start(ctx, adapter);

  assert.equal(adapter.exitLabel, 'Return to the course');
  await adapter.exit();

  assert.deepEqual(lrs.verbs(), ['initialized', 'terminated']);
  assert.equal(ctx.location.assigned, 'https://lms.example.org/course/1');
});
