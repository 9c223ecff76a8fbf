// Drives the LRS with Rustici's TinCanJS the way course content does: send statements, query them back (with the
// `more` link), and keep resume data in the State API. Prints one JSON object of observations for the Java test.
// Usage: node tincan-client.cjs <endpoint> <key> <secret>
'use strict';
const TinCan = require('tincanjs');

const [endpoint, key, secret] = process.argv.slice(2);
const lrs = new TinCan.LRS({ endpoint, username: key, password: secret, allowFail: false });
const run = Date.now();
const actor = new TinCan.Agent({ name: 'Dana Whitfield', mbox: `mailto:dana.whitfield+${run}@clinic.example` });
const moduleId = 'https://hipaa-training.org/xapi/activities/module/privacy';
const registration = TinCan.Utils.getUUID();

function statement(verb, lessonIndex, extra = {}) {
  return new TinCan.Statement({
    actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    target: new TinCan.Activity({
      id: `${moduleId}/lesson/lesson-${lessonIndex}`,
      definition: { name: { 'en-US': `Lesson ${lessonIndex}` }, type: 'http://adlnet.gov/expapi/activities/lesson' },
    }),
    context: new TinCan.Context({
      registration,
      contextActivities: { parent: [new TinCan.Activity({ id: moduleId })] },
      extensions: { 'https://hipaa-training.org/xapi/extensions/module-version': '1.0.0' },
    }),
    ...extra,
  });
}

async function main() {
  const out = {};
  // one statement, then a batch
  const first = statement('experienced', 1);
  const saved = await new Promise((resolve, reject) => lrs.saveStatement(first, {
    callback: (err, xhr) => (err ? reject(new Error(`saveStatement ${err} ${xhr && xhr.responseText}`)) : resolve(xhr)),
  }));
  out.saveStatementStatus = saved.status;
  const batch = [];
  for (let i = 2; i <= 6; i++) batch.push(statement('experienced', i));
  batch.push(statement('completed', 0, { result: new TinCan.Result({ score: { scaled: 0.85, raw: 17, min: 0, max: 20 }, success: true, completion: true, duration: 'PT22M10S' }) }));
  const batchResult = await new Promise((resolve, reject) => lrs.saveStatements(batch, {
    callback: (err, xhr) => (err ? reject(new Error(`saveStatements ${err} ${xhr && xhr.responseText}`)) : resolve(xhr)),
  }));
  out.saveStatementsStatus = batchResult.status;
  out.sentIds = [first.id, ...batch.map((s) => s.id)];

  // query by agent + registration, two per page, following `more`
  const seen = [];
  let result = await new Promise((resolve, reject) => lrs.queryStatements({
    params: { agent: actor, registration, limit: 2 },
    callback: (err, r) => (err ? reject(new Error(`queryStatements ${err}`)) : resolve(r)),
  }));
  let pages = 1;
  result.statements.forEach((s) => seen.push(s.id));
  while (result.more) {
    const url = result.more;
    result = await new Promise((resolve, reject) => lrs.moreStatements({ url, callback: (err, r) => (err ? reject(new Error(`moreStatements ${err}`)) : resolve(r)) }));
    result.statements.forEach((s) => seen.push(s.id));
    pages++;
  }
  out.queriedIds = seen;
  out.pages = pages;

  // state: resume data, as a player keeps it
  const stateKey = 'resume';
  const resume = { lesson: 4, answers: { q1: ['b'], q2: ['a', 'c'] } };
  await new Promise((resolve, reject) => lrs.saveState(stateKey, resume, {
    activity: new TinCan.Activity({ id: moduleId }), agent: actor, registration, contentType: 'application/json',
    callback: (err, xhr) => (err ? reject(new Error(`saveState ${err} ${xhr && xhr.responseText}`)) : resolve(xhr)),
  }));
  const state = await new Promise((resolve, reject) => lrs.retrieveState(stateKey, {
    activity: new TinCan.Activity({ id: moduleId }), agent: actor, registration,
    callback: (err, s) => (err ? reject(new Error(`retrieveState ${err}`)) : resolve(s)),
  }));
  out.state = typeof state.contents === 'string' ? JSON.parse(state.contents) : state.contents;
  out.stateEtag = state.etag;

  // an update of the state using the ETag it got back
  const updated = { ...resume, lesson: 5 };
  await new Promise((resolve, reject) => lrs.saveState(stateKey, updated, {
    activity: new TinCan.Activity({ id: moduleId }), agent: actor, registration, contentType: 'application/json', lastSHA1: state.etag,
    callback: (err, xhr) => (err ? reject(new Error(`saveState(update) ${err} ${xhr && xhr.responseText}`)) : resolve(xhr)),
  }));
  const again = await new Promise((resolve, reject) => lrs.retrieveState(stateKey, {
    activity: new TinCan.Activity({ id: moduleId }), agent: actor, registration,
    callback: (err, s) => (err ? reject(new Error(`retrieveState ${err}`)) : resolve(s)),
  }));
  out.updatedState = typeof again.contents === 'string' ? JSON.parse(again.contents) : again.contents;

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
