/*
 * Player part: the module data from the page, the resume state (what suspend_data and the State API document hold),
 * the attempt's answers, and the bridge to the adapter (call, save, notice). Uses util.js and draw.js.
 */

var SCREEN_START = 'S', SCREEN_LESSON = 'L', SCREEN_QUESTION = 'Q', SCREEN_RESULT = 'R', SCREEN_ATTEST = 'A',
  SCREEN_DONE = 'D';
// Adapter factories by package format, registered by the adapter parts; boot() calls the page's.
// An adapter is {start() -> {state, masteryScore?, notice?, seedKey?} (or a promise of it), save(stateJson,
// resumePoint), experienced(lessonIndex), answered(questionIndex, choiceIds, correct), scored(correct, total,
// scaled, passed, missedObjectives), completed(), acknowledged(attestation, policySha256), finish(ms), suspend(ms),
// close(ms), exitLabel?, exit()}. questionIndex indexes the current attempt's items (questions).
var ADAPTERS = {};

// ---------------------------------------------------------------------------------------------- module data

var data, mod, lessons, bank, objectives, mastery, adapter, state, root, sessionStart = Date.now(), finished = false;
var questions = []; // the items of the current attempt, in the order asked (drawn from the bank)

function loadData() {
  var node = document.getElementById('module-data');
  data = node ? parseJson(node.textContent) : null;
  if (!data || !data.module) {
    throw new Error('This page has no module data.');
  }
  mod = data.module;
  lessons = mod.lessons || [];
  bank = mod.questions || [];
  objectives = mod.objectives || [];
  mastery = typeof mod.masteryScore === 'number' ? mod.masteryScore : 0.8;
  data.vocabulary = data.vocabulary || {};
}

// ---------------------------------------------------------------------------------------------- resume state
// Kept small for SCORM 1.2's 4096-character suspend_data (the worst case is tested): screen + index, the attempt,
// its cycle (UTC year) and seed key, the drawn items as bank positions (two base-36 digits each), the answers as
// choice positions in the bank's order ("1,02,,3"), the items asked before and those whose key was shown as
// hexadecimal bit sets over the bank, correct count of the last result, passed, completed, acknowledged, review.
// {"v":2,"s":"Q","i":3,"t":2,"y":2027,"e":"<registration>","q":"0a0307","a":"1,02","h":"0f","x":"01",
//  "r":-1,"p":0,"c":0,"k":0,"w":0}

function freshState() {
  return {v: 2, s: SCREEN_START, i: 0, t: 1, y: 0, e: '', q: '', a: '', h: '', x: '', r: -1, p: 0, c: 0, k: 0, w: 0};
}

function decodeState(text) {
  var raw = typeof text === 'string' ? parseJson(text) : text;
  if (!raw || raw.v !== 2 || typeof raw.s !== 'string') {
    return null; // another format (an older player): start afresh
  }
  var s = freshState();
  Object.keys(s).forEach(function (key) {
    if (raw[key] !== undefined && typeof raw[key] === typeof s[key]) {
      s[key] = raw[key];
    }
  });
  var drawn = drawnItems(s);
  if (!drawn) {
    s.q = '';
    s.a = '';
    if (s.s === SCREEN_QUESTION) {
      s.s = SCREEN_LESSON;
      s.i = lessons.length - 1;
    }
  }
  var limit = s.s === SCREEN_LESSON ? lessons.length : s.s === SCREEN_QUESTION ? (drawn || []).length : 1;
  if (s.i < 0 || s.i >= Math.max(1, limit)) {
    s.i = 0;
  }
  return s;
}

function encodeState() {
  return JSON.stringify(state);
}

/** The bank items a state's draw names, or null when the draw does not fit this bank (content changed). */
function drawnItems(s) {
  if (!s.q || s.q.length % 2) {
    return null;
  }
  var items = [];
  for (var i = 0; i < s.q.length; i += 2) {
    var item = bank[parseInt(s.q.substring(i, i + 2), 36)];
    if (!item) {
      return null;
    }
    items.push(item);
  }
  return items;
}

function bits(hex) {
  var set = {};
  for (var i = 0; i < hex.length; i++) {
    var nibble = parseInt(hex.charAt(hex.length - 1 - i), 16) || 0;
    for (var b = 0; b < 4; b++) {
      if (nibble & (1 << b) && bank[i * 4 + b]) {
        set[bank[i * 4 + b].id] = true;
      }
    }
  }
  return set;
}

function withBit(hex, q) {
  var index = bank.indexOf(q), digits = hex.split('').reverse();
  while (digits.length <= index >> 2) {
    digits.push('0');
  }
  var nibble = parseInt(digits[index >> 2], 16) | (1 << (index & 3));
  digits[index >> 2] = nibble.toString(16);
  return digits.reverse().join('');
}

function answers() {
  return state.a ? state.a.split(',') : [];
}

function answerAt(i) {
  return answers()[i] || '';
}

function setAnswer(i, encoded) {
  var list = answers();
  while (list.length <= i) {
    list.push('');
  }
  list[i] = encoded;
  state.a = list.join(',');
}

/** The resume point as one short string for lesson_location / cmi.location: S, L3, Q5, R, A, D. */
function resumePoint() {
  return state.s === SCREEN_LESSON || state.s === SCREEN_QUESTION ? state.s + state.i : state.s;
}

function selectedIds(q, encoded) {
  return (encoded || '').split('').map(function (c) {
    var choice = q.choices[parseInt(c, 36)];
    return choice ? choice.id : null;
  }).filter(Boolean);
}

function encodeSelection(q, ids) {
  return q.choices.map(function (c, i) { return ids.indexOf(c.id) >= 0 ? i.toString(36) : ''; }).join('');
}

function isCorrect(q, ids) {
  var correct = q.correct || [];
  return ids.length === correct.length && correct.every(function (id) { return ids.indexOf(id) >= 0; });
}

function correctCount() {
  return questions.filter(function (q, i) { return isCorrect(q, selectedIds(q, answerAt(i))); }).length;
}

/** The objectives of the last attempt with a wrong answer, in module order. */
function missedObjectives() {
  var missed = {};
  questions.forEach(function (q, i) {
    if (!isCorrect(q, selectedIds(q, answerAt(i)))) {
      missed[q.objective] = true;
    }
  });
  return objectives.filter(function (o) { return missed[o.id]; });
}

/** What the statements say about the current attempt (the context extension "knowledge-check-draw"). */
function drawInfo() {
  return {seed: state.e, cycle: state.y, attempt: state.t, items: questions.map(function (q) { return q.id; })};
}

var seedKey = null; // from the adapter: the registration, or the learner id; a random one without either

/** Starts a new attempt: draws its items, remembering the previous attempt's items as asked. */
function newAttempt() {
  if (!state.e) {
    state.e = seedKey || 'local:' + uuid();
  }
  state.y = new Date().getUTCFullYear();
  state.a = '';
  questions = drawItems(mod, state.e, state.y, state.t, bits(state.h), bits(state.x));
  state.q = questions.map(function (q) { return pad(bank.indexOf(q).toString(36), 2); }).join('');
}

function save() {
  call('save', encodeState(), resumePoint());
}

/** Calls an adapter method, never letting an LMS problem break the learner's screen. */
function call(method) {
  var args = Array.prototype.slice.call(arguments, 1);
  if (!adapter || typeof adapter[method] !== 'function') {
    return undefined;
  }
  try {
    var result = adapter[method].apply(adapter, args);
    if (result && typeof result.catch === 'function') {
      result.catch(function (e) { report(e); });
    }
    return result;
  } catch (e) {
    report(e);
    return undefined;
  }
}

function report(error) {
  if (window.console) {
    console.error('[player]', error);
  }
  notice('We could not save your progress to the learning system. ' + (error && error.message ? error.message : ''));
}

function notice(text) {
  var box = document.getElementById('hp-notice');
  if (box) {
    box.textContent = text;
    box.hidden = !text;
  }
}
