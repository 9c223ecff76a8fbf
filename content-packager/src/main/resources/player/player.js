/*
 * HIPAA training player. Renders one module from the inline #module-data JSON (see the package contract) and reports
 * progress through the adapter its "format" names: scorm12, scorm2004, xapi or cmi5 (or "local" when no LMS is found).
 * Plain ES2017, no dependencies, no build step. One file shared by every module of a package.
 */
(function () {
  'use strict';

  var ADL = 'http://adlnet.gov/expapi/verbs/';
  var SCREEN_START = 'S', SCREEN_LESSON = 'L', SCREEN_QUESTION = 'Q', SCREEN_RESULT = 'R', SCREEN_ATTEST = 'A',
    SCREEN_DONE = 'D';
  var ADAPTERS = {};

  // ---------------------------------------------------------------------------------------------- small utilities

  /** h('p', {class: 'x'}, 'text', child, [children]) creates an element; attributes starting with "on" are listeners. */
  function h(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key.indexOf('on') === 0) {
        node.addEventListener(key.substring(2), value);
      } else if (key === 'html') {
        node.innerHTML = value;
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
      + hex.substring(16, 20) + '-' + hex.substring(20);
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
      s = '0' + s;
    }
    return s;
  }

  /** ISO 8601 duration (xAPI result.duration, SCORM 2004 session_time): PT1H2M3.45S. */
  function isoDuration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(cs / 360000), minutes = Math.floor(cs / 6000) % 60, seconds = (cs % 6000) / 100;
    return 'PT' + (hours ? hours + 'H' : '') + (hours || minutes ? minutes + 'M' : '') + seconds.toFixed(2) + 'S';
  }

  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
  function scorm12Duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(9999, Math.floor(cs / 360000)), minutes = Math.floor(cs / 6000) % 60;
    var seconds = Math.floor(cs / 100) % 60, hundredths = cs % 100;
    return pad(hours, 4) + ':' + pad(minutes, 2) + ':' + pad(seconds, 2) + '.' + pad(hundredths, 2);
  }

  function storageGet(store, key) {
    try {
      return window[store].getItem(key);
    } catch (e) {
      return null; // storage disabled (privacy mode, sandboxed iframe)
    }
  }

  function storageSet(store, key, value) {
    try {
      if (value === null) {
        window[store].removeItem(key);
      } else {
        window[store].setItem(key, value);
      }
      return true;
    } catch (e) {
      return false;
    }
  }

  function parseJson(text) {
    try {
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }

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

  // ---------------------------------------------------------------------------------------------- the draw
  /*
   * Which bank items an attempt asks, and the order of their choices: the same steps as the catalogue's
   * KnowledgeCheckDraw (docs/content-format.md, "The draw"), so the LRS can reproduce any attempt. FNV-1a of a UTF-8
   * seed string seeds mulberry32; shuffles are Fisher-Yates from the last position down.
   */

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash = Math.imul(hash ^ bytes[i], 0x01000193);
    }
    return hash | 0;
  }

  function mulberry32(seed) {
    var a = seed | 0;
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function seededShuffle(items, seed) {
    var result = items.slice(), random = mulberry32(fnv1a(seed));
    for (var i = result.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1)), swap = result[i];
      result[i] = result[j];
      result[j] = swap;
    }
    return result;
  }

  function perObjective(m) {
    return (m || mod).itemsPerObjective || 1;
  }

  function bankOf(objectiveId, m) {
    return ((m || mod).questions || []).filter(function (q) { return q.objective === objectiveId; });
  }

  /** The items of one attempt of module data m (asked and revealed are sets of item ids: {id: true}). */
  function drawItems(m, seedKey, cycle, attempt, asked, revealed) {
    var k = perObjective(m), drawn = [];
    (m.objectives || []).forEach(function (objective) {
      var items = bankOf(objective.id, m);
      if (!items.length) {
        return;
      }
      var order = seededShuffle(items, seedKey + '|' + m.id + '|' + objective.id);
      var offset = (cycle * k) % items.length;
      var eligible = order.slice(offset).concat(order.slice(0, offset))
        .filter(function (q) { return !revealed[q.id]; });
      var preferred = eligible.filter(function (q) { return !asked[q.id]; })
        .concat(eligible.filter(function (q) { return asked[q.id]; }));
      drawn = drawn.concat(preferred.slice(0, k));
    });
    return seededShuffle(drawn, seedKey + '|' + m.id + '|' + cycle + '|' + attempt);
  }

  /** The choices of an item as this attempt shows them. */
  function choiceOrder(q, seedKey, cycle, attempt, m) {
    return q.keepChoiceOrder ? q.choices.slice()
      : seededShuffle(q.choices, seedKey + '|' + (m || mod).id + '|' + q.id + '|' + cycle + '|' + attempt);
  }

  /** A wrong answer's key is shown only while its objective keeps enough unrevealed items for a later full draw. */
  function mayReveal(q, revealed) {
    var left = bankOf(q.objective).filter(function (other) {
      return other.id !== q.id && !revealed[other.id];
    }).length;
    return left >= perObjective();
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

  // ---------------------------------------------------------------------------------------------- layout

  var header, main, screenBox, progressLine;

  function buildLayout() {
    document.body.className = (document.body.className + ' hp-body').trim();
    root = h('div', {class: 'hp-page'});
    progressLine = h('p', {class: 'hp-progress', id: 'hp-progress'});
    header = h('header', {class: 'hp-header'},
      h('div', {class: 'hp-header-inner'},
        h('p', {class: 'hp-module-title'}, mod.title),
        progressLine));
    // The notice (connection problems) stays while screens change, inside the main landmark like all content.
    screenBox = h('div', {class: 'hp-screen'});
    main = h('main', {class: 'hp-main', id: 'hp-main'},
      h('div', {class: 'hp-notice', id: 'hp-notice', role: 'status', hidden: true}), screenBox);
    root.appendChild(header);
    root.appendChild(main);
    // The module page may carry a noscript message or a loading text: replace the body's content.
    Array.prototype.slice.call(document.body.childNodes).forEach(function (n) {
      if (n.nodeName !== 'SCRIPT') {
        document.body.removeChild(n);
      }
    });
    document.body.insertBefore(root, document.body.firstChild);
  }

  var firstRender = true;

  /** Replaces the main content; focus moves to the new screen's h1 (except on first load) so it is announced. */
  function show(title, content, progress, extraClass, screenName) {
    main.className = 'hp-main' + (extraClass ? ' ' + extraClass : '');
    main.setAttribute('data-screen', screenName || resumePoint());
    progressLine.textContent = progress || '';
    progressLine.hidden = !progress;
    var heading = h('h1', {tabindex: '-1', class: 'hp-title'}, title);
    while (screenBox.firstChild) {
      screenBox.removeChild(screenBox.firstChild);
    }
    screenBox.appendChild(heading);
    append(screenBox, content);
    document.title = title === mod.title ? mod.title : title + ' - ' + mod.title;
    window.scrollTo(0, 0);
    if (!firstRender) {
      heading.focus();
    }
    firstRender = false;
  }

  function button(label, onclick, kind, attrs) {
    var a = attrs || {};
    a.type = a.type || 'button';
    a.class = 'hp-button' + (kind ? ' hp-button-' + kind : '');
    if (onclick) {
      a.onclick = onclick;
    }
    return h('button', a, label);
  }

  function navBar(label, left, right) {
    return h('nav', {class: 'hp-nav', 'aria-label': label},
      h('div', {class: 'hp-nav-start'}, left), h('div', {class: 'hp-nav-end'}, right));
  }

  /** Moves to a screen, renders it and saves the resume point (every screen change is saved). */
  function go(screen, index) {
    state.s = screen;
    state.i = index || 0;
    render();
    save();
  }

  function render() {
    switch (state.s) {
      case SCREEN_LESSON: return renderLesson();
      case SCREEN_QUESTION: return renderQuestion();
      case SCREEN_RESULT: return renderResult();
      case SCREEN_ATTEST: return renderAttestation();
      case SCREEN_DONE: return renderDone();
      default: return renderStart(false);
    }
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function questionsPerAttempt() {
    return perObjective() * objectives.filter(function (o) { return bankOf(o.id).length; }).length;
  }

  // ---------------------------------------------------------------------------------------------- start

  /** Where "Resume" goes back to, in words, for the button and the line under it. */
  function resumeTarget() {
    switch (state.s) {
      case SCREEN_LESSON:
        return {label: 'Resume at lesson ' + (state.i + 1) + ' of ' + lessons.length,
          detail: lessons[state.i] ? lessons[state.i].title : ''};
      case SCREEN_QUESTION:
        return {label: 'Resume at question ' + (state.i + 1) + ' of ' + questions.length,
          detail: 'Your answers so far are kept.'};
      case SCREEN_RESULT:
        return {label: 'Resume at your result', detail: ''};
      case SCREEN_ATTEST:
        return {label: 'Resume at the policy acknowledgement', detail: ''};
      default:
        return {label: 'Resume where you left off', detail: ''};
    }
  }

  function renderStart(resuming) {
    var facts = ['About ' + plural(mod.estimatedMinutes || 0, 'minute'), plural(lessons.length, 'lesson')];
    if (bank.length) {
      facts.push(plural(questionsPerAttempt(), 'question') + ' (' + Math.round(mastery * 100) + '% to pass)');
    }
    var actions;
    if (resuming === 'done') {
      actions = [h('p', {class: 'hp-status-line'}, 'You have completed this module.'),
        button('Review the lessons', function () { state.w = 2; go(SCREEN_LESSON, 0); }, 'primary'),
        button('Show my result', function () { go(SCREEN_DONE); })];
    } else if (resuming) {
      var target = resumeTarget();
      actions = [button(target.label, function () { render(); save(); }, 'primary',
        {'aria-describedby': target.detail ? 'hp-resume-detail' : null}),
        target.detail ? h('p', {class: 'hp-status-line', id: 'hp-resume-detail'}, target.detail) : null,
        button('Start from the beginning', startOver)];
    } else {
      actions = [button('Start', function () { go(SCREEN_LESSON, 0); }, 'primary')];
    }
    var learn = objectives.length ? [h('h2', null, 'What you will learn'),
      h('ul', {class: 'hp-objectives'}, objectives.map(function (o) { return h('li', null, o.text); }))] : null;
    // On a phone the actions come before the objectives, so Start or Resume is on the first screen.
    show(mod.title, [
      mod.description ? h('p', {class: 'hp-lead'}, mod.description) : null,
      h('p', {class: 'hp-facts'}, facts.join(' \u00b7 ')),
      h('div', {class: 'hp-actions'}, actions),
      learn
    ], null, 'hp-screen-start', 'S');
  }

  function startOver() {
    if (state.a) {
      state.t += 1; // the answered items count as asked; the next check is a new attempt
      rememberAsked();
    }
    state.a = '';
    state.q = '';
    questions = [];
    state.w = 0;
    go(SCREEN_LESSON, 0);
  }

  /** The current attempt's items join the set asked before (the draw prefers items never asked). */
  function rememberAsked() {
    questions.forEach(function (q, i) {
      if (answerAt(i)) {
        state.h = withBit(state.h, q);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------- lessons

  function renderLesson(anchor) {
    var i = state.i, lesson = lessons[i];
    var body = h('div', {class: 'hp-lesson', html: lesson.html || ''});
    // Links to the regulation open outside the LMS frame; in-lesson anchors stay.
    Array.prototype.forEach.call(body.querySelectorAll('a[href^="http"]'), function (a) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener');
    });
    var prev = i > 0 ? button('Previous', function () { go(SCREEN_LESSON, i - 1); }) : null;
    var nextLabel = i < lessons.length - 1 ? 'Next lesson' : nextAfterLessonsLabel();
    var next = button(nextLabel, function () { call('experienced', i); nextLesson(); }, 'primary');
    show(lesson.title, [body, navBar('Lesson navigation', prev, next)],
      'Lesson ' + (i + 1) + ' of ' + lessons.length, 'hp-screen-lesson');
    var target = anchor ? document.getElementById(anchor) : null;
    if (target) {
      // A results-page link to the section that teaches a missed objective.
      target.setAttribute('tabindex', '-1');
      target.scrollIntoView({block: 'start'});
      target.focus({preventScroll: true});
    }
  }

  function nextAfterLessonsLabel() {
    if (state.w === 2 || !bank.length) {
      return 'Finish';
    }
    return 'Start the knowledge check';
  }

  function nextLesson() {
    if (state.i < lessons.length - 1) {
      go(SCREEN_LESSON, state.i + 1);
    } else if (state.w === 2) {
      state.w = 0;
      go(SCREEN_DONE); // reviewing a finished module: back to the finish screen, nothing reported again
    } else if (!bank.length) {
      moduleCompleted();
      afterPass();
    } else {
      if (state.w === 1) {
        // reviewing after a failed attempt: the knowledge check starts again, with a new draw
        state.w = 0;
        retake();
      } else if (!state.q) {
        newAttempt();
      }
      go(SCREEN_QUESTION, firstUnanswered());
    }
  }

  function retake() {
    rememberAsked();
    state.t += 1;
    newAttempt();
  }

  function firstUnanswered() {
    for (var i = 0; i < questions.length; i++) {
      if (!answerAt(i)) {
        return i;
      }
    }
    return 0;
  }

  // ---------------------------------------------------------------------------------------------- knowledge check

  function renderQuestion() {
    var i = state.i, q = questions[i], multiple = q.type === 'multiple';
    var answered = !!answerAt(i), chosen = selectedIds(q, answerAt(i));
    var hintId = 'hp-hint-' + i;
    var choices = choiceOrder(q, state.e, state.y, state.t).map(function (c, n) {
      var id = 'hp-q' + i + '-c' + n;
      return h('div', {class: 'hp-choice'},
        h('input', {type: multiple ? 'checkbox' : 'radio', name: 'choice', id: id, value: c.id,
          checked: chosen.indexOf(c.id) >= 0, disabled: answered}),
        h('label', {for: id}, c.text));
    });
    var fieldset = h('fieldset', {class: 'hp-question', 'aria-describedby': hintId},
      h('legend', null, q.prompt),
      h('p', {class: 'hp-hint', id: hintId}, multiple ? 'Select all that apply.' : 'Select one answer.'),
      choices);
    var feedback = h('div', {class: 'hp-feedback', id: 'hp-feedback', 'aria-live': 'polite'});
    var error = h('p', {class: 'hp-error', id: 'hp-error', role: 'alert', hidden: true});
    var submit = button('Submit answer', null, 'primary', {type: 'submit'});
    var form = h('form', {class: 'hp-form', novalidate: true, 'data-item': q.id, onsubmit: function (event) {
      event.preventDefault();
      if (answerAt(i)) {
        return;
      }
      var checked = Array.prototype.filter.call(form.querySelectorAll('input'), function (input) { return input.checked; })
        .map(function (input) { return input.value; });
      // in the bank's order, whatever order the choices were shown in: the same answer is always reported the same way
      var ids = q.choices.map(function (c) { return c.id; }).filter(function (id) { return checked.indexOf(id) >= 0; });
      if (!ids.length) {
        error.textContent = multiple ? 'Select at least one answer, then submit.' : 'Select an answer, then submit.';
        error.hidden = false;
        form.querySelector('input').focus();
        return;
      }
      error.hidden = true;
      var right = isCorrect(q, ids);
      setAnswer(i, encodeSelection(q, ids));
      if (!right && mayReveal(q, bits(state.x))) {
        state.x = withBit(state.x, q);
      }
      call('answered', i, ids, right);
      save();
      Array.prototype.forEach.call(form.querySelectorAll('input'), function (input) { input.disabled = true; });
      showFeedback(q, ids, feedback);
      submit.replaceWith(nextButton);
      nextButton.focus();
    }}, q.scenario ? h('p', {class: 'hp-scenario'}, q.scenario) : null, fieldset, error, feedback, submit);
    var last = i === questions.length - 1;
    var nextButton = button(last ? 'See my result' : 'Next question', function () {
      if (last) {
        showResult();
      } else {
        go(SCREEN_QUESTION, i + 1);
      }
    }, 'primary');
    show('Question ' + (i + 1) + ' of ' + questions.length, form, 'Knowledge check', 'hp-screen-question');
    if (answered) {
      showFeedback(q, chosen, feedback);
      submit.replaceWith(nextButton);
    }
  }

  /** Marks a choice row in words as well as colour. */
  function mark(input, text, kind) {
    input.parentNode.className = 'hp-choice hp-choice-' + kind;
    input.labels[0].appendChild(h('span', {class: 'hp-mark'}, text));
  }

  function showFeedback(q, ids, box) {
    var right = isCorrect(q, ids), revealed = !!bits(state.x)[q.id];
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    box.className = 'hp-feedback ' + (right ? 'hp-correct' : 'hp-incorrect');
    Array.prototype.forEach.call(main.querySelectorAll('.hp-choice input'), function (input) {
      var isKey = q.correct.indexOf(input.value) >= 0;
      if (input.checked) {
        mark(input, isKey ? 'Your answer: right' : 'Your answer: not right', isKey ? 'right' : 'wrong');
      } else if (isKey && (right || revealed)) {
        mark(input, 'Correct answer', 'right');
      }
    });
    var keys = q.choices.filter(function (c) { return q.correct.indexOf(c.id) >= 0; });
    var lines = [h('p', {class: 'hp-verdict'}, right ? 'Correct.' : 'Not right.')];
    if (right || revealed) {
      if (!right) {
        lines.push(keys.length > 1
          ? [h('p', null, 'The correct answers are:'),
            h('ul', {class: 'hp-key-list'}, keys.map(function (c) { return h('li', null, c.text); }))]
          : h('p', null, 'The correct answer is: ', h('span', {class: 'hp-key'}, keys[0].text)));
      }
      lines.push(h('p', null, q.explanation));
      if (q.citation) {
        lines.push(h('p', {class: 'hp-citation'}, 'Source: ', h('cite', null, q.citation)));
      }
    } else {
      // Every other item for this objective has had its answer shown: keep this one's for a later attempt.
      var objective = objectives.filter(function (o) { return o.id === q.objective; })[0];
      lines.push(h('p', null, 'The answer is not shown here, because this question may come back in a later attempt.'
        + (objective ? ' It is about: ' + objective.text : '')));
    }
    append(box, lines);
  }

  // ---------------------------------------------------------------------------------------------- result

  function showResult() {
    var correct = correctCount(), scaled = questions.length ? correct / questions.length : 1;
    // Rounded to avoid 0.7999999 < 0.8 surprises.
    var passed = Math.round(scaled * 10000) >= Math.round(mastery * 10000);
    state.r = correct;
    if (passed) {
      state.p = 1;
    }
    call('scored', correct, questions.length, scaled, passed, missedObjectives());
    go(SCREEN_RESULT);
  }

  /** A link to the lesson section that teaches an objective (when this package has the lesson). */
  function reviewLink(objective) {
    var index = -1;
    lessons.forEach(function (l, n) {
      if (l.id === objective.lessonId) {
        index = n;
      }
    });
    if (index < 0) {
      return null;
    }
    return [button('Review: ' + (objective.sectionTitle || lessons[index].title), function () {
      state.w = state.p ? state.w : 1; // after a fail the check starts again once the lessons are read
      state.s = SCREEN_LESSON;
      state.i = index;
      renderLesson(objective.section);
      save();
    }, 'link'), h('p', {class: 'hp-where'}, 'Lesson ' + (index + 1) + ': ' + lessons[index].title)];
  }

  function renderResult() {
    var correct = state.r, total = questions.length, percent = Math.round(correct * 100 / total);
    var passed = Math.round(correct * 10000 / total) >= Math.round(mastery * 10000);
    var summary = h('p', {class: 'hp-score'}, (passed ? 'Passed. ' : 'Not passed. ') + 'You answered ' + correct
      + ' of ' + total + ' questions correctly (' + percent + '%). ' + Math.round(mastery * 100) + '% is needed to pass.');
    var missed = missedObjectives();
    var review = missed.length ? [h('h2', null, passed ? 'Worth another look' : 'What to review'),
      h('ul', {class: 'hp-review'}, missed.map(function (o) {
        return h('li', null, h('p', null, o.text), reviewLink(o));
      }))] : null;
    var actions;
    if (passed) {
      actions = [button('Continue', afterPass, 'primary')];
    } else {
      actions = [button('Retake the knowledge check', function () {
        state.w = 0;
        retake();
        go(SCREEN_QUESTION, 0);
      }, 'primary'), button('Review the lessons', function () { state.w = 1; go(SCREEN_LESSON, 0); })];
    }
    // The buttons come before the list, so a phone shows them without scrolling past every missed objective.
    show(passed ? 'You passed' : 'Not passed yet', [
      h('div', {class: 'hp-result ' + (passed ? 'hp-correct' : 'hp-incorrect')}, summary,
        passed ? null : h('p', null, 'A retake asks new questions about the same objectives.')),
      h('div', {class: 'hp-actions'}, actions),
      review
    ], 'Knowledge check result', 'hp-screen-result');
  }

  /** After the knowledge check is passed (or the last lesson of a module without one): attestation, then finish. */
  function afterPass() {
    if (mod.attestation && !state.k) {
      go(SCREEN_ATTEST);
    } else {
      finish();
    }
  }

  // ---------------------------------------------------------------------------------------------- attestation

  function renderAttestation() {
    var att = mod.attestation, policy = att.policy;
    var error = h('p', {class: 'hp-error', role: 'alert', hidden: true});
    var box = h('input', {type: 'checkbox', id: 'hp-attest', name: 'attest'});
    var policyText = policy ? h('div', {class: 'hp-policy-text', html: policy.html}) : null;
    var form = h('form', {class: 'hp-form', novalidate: true, onsubmit: function (event) {
      event.preventDefault();
      if (!box.checked) {
        error.textContent = 'Check the box to confirm you agree with the statement.';
        error.hidden = false;
        box.focus();
        return;
      }
      state.k = 1;
      // The fingerprint of the exact text this screen showed (docs/content-format.md, "Policies").
      call('acknowledged', att, policy ? sha256(policy.html) : null);
      finish();
    }},
      policy ? [
        h('p', {class: 'hp-lead'}, 'Read the practice\u2019s policy before you acknowledge it.'),
        h('section', {class: 'hp-policy', 'aria-label': policy.title},
          h('p', {class: 'hp-policy-title'}, policy.title),
          h('p', {class: 'hp-policy-meta'}, 'Version ' + policy.version + ', effective ' + policy.effectiveDate
            + (att.sections && att.sections.length ? '. This module covers the sections below.' : '.')),
          policyText)
      ] : h('p', null, 'Please read this statement about the practice\u2019s policy (' + att.policyId + ', version '
        + att.policyVersion + ').'),
      h('h2', null, 'Your acknowledgement'),
      h('blockquote', {class: 'hp-attestation-text'}, att.text),
      h('div', {class: 'hp-choice'}, box, h('label', {for: 'hp-attest'}, 'I have read this statement and I agree with it.')),
      error,
      h('div', {class: 'hp-actions'}, button('I acknowledge', null, 'primary', {type: 'submit'})));
    show('Policy acknowledgement', form, 'Attestation', 'hp-screen-attest');
  }

  // ---------------------------------------------------------------------------------------------- finish

  function moduleCompleted() {
    if (!state.c) {
      state.c = 1;
      call('completed');
    }
  }

  function finish() {
    moduleCompleted();
    state.s = SCREEN_DONE;
    state.i = 0;
    render();
    save();
    if (!finished) {
      finished = true;
      call('finish', Date.now() - sessionStart);
    }
  }

  function renderDone() {
    var lines = [h('p', {class: 'hp-lead'}, 'You have finished \u201c' + mod.title + '\u201d.')];
    if (bank.length && state.r >= 0) {
      lines.push(h('p', null, 'Knowledge check: ' + state.r + ' of ' + questions.length + ' correct.'));
    }
    if (mod.attestation && state.k) {
      var att = mod.attestation;
      lines.push(h('p', null, 'You acknowledged ' + (att.policy ? att.policy.title : att.policyId) + ', version '
        + att.policyVersion + '.'));
    }
    var exit = adapter && adapter.exitLabel ? button(adapter.exitLabel, function () { call('exit'); }, 'primary')
      : h('p', null, 'You can close this window now.');
    show('Module complete', [h('div', {class: 'hp-result hp-correct'}, lines),
      h('div', {class: 'hp-actions'}, exit, button('Review the lessons', function () {
        state.w = 2;
        go(SCREEN_LESSON, 0);
      }))], null, 'hp-screen-done');
  }

  // ---------------------------------------------------------------------------------------------- SHA-256
  /** Lower-case hex SHA-256 of a string's UTF-8 bytes (FIPS 180-4); synchronous, no crypto.subtle needed. */
  function sha256(text) {
    var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1,
      0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
      0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
      0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3,
      0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb,
      0xbef9a3f7, 0xc67178f2];
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var bytes = new TextEncoder().encode(text), length = bytes.length;
    var blocks = Math.ceil((length + 9) / 64), padded = new Uint8Array(blocks * 64);
    padded.set(bytes);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length * 8) >>> 0);
    var w = new Array(64);
    for (var block = 0; block < blocks; block++) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) {
          w[t] = view.getUint32(block * 64 + t * 4);
        } else {
          var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
          var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
          w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
        }
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], hh = H[7];
      for (t = 0; t < 64; t++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      H = [H[0] + a, H[1] + b, H[2] + c, H[3] + d, H[4] + e, H[5] + f, H[6] + g, H[7] + hh].map(function (x) {
        return x | 0;
      });
    }
    return H.map(function (x) { return ((x >>> 0) + 0x100000000).toString(16).substring(1); }).join('');
  }

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  // ---------------------------------------------------------------------------------------------- start-up

  /** Leaving the page: an unfinished module is suspended (resumable); a finished one that was reopened just closes. */
  function onPageHide() {
    if (finished) {
      call('close', Date.now() - sessionStart);
      return;
    }
    finished = true;
    save();
    call('suspend', Date.now() - sessionStart);
  }

  async function boot() {
    loadData();
    buildLayout();
    var factory = ADAPTERS[data.format] || ADAPTERS.local;
    adapter = factory();
    var started;
    try {
      started = await adapter.start();
    } catch (e) {
      if (window.console) {
        console.warn('[player]', e);
      }
      notice(e.message);
      adapter = ADAPTERS.local();
      started = await adapter.start();
    }
    started = started || {};
    if (typeof started.masteryScore === 'number') {
      mastery = started.masteryScore;
    }
    if (started.notice) {
      notice(started.notice);
    }
    seedKey = started.seedKey || null;
    state = decodeState(started.state) || freshState();
    questions = drawnItems(state) || [];
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        window.location.reload(); // back from the back/forward cache after the session ended: start a new one
      }
    });
    if (state.s === SCREEN_DONE) {
      finished = true; // nothing more to report: the learner may only review
      renderStart('done');
    } else {
      renderStart(state.s !== SCREEN_START);
    }
  }

  // ---------------------------------------------------------------------------------------------- adapters
  // An adapter is {start() -> {state, masteryScore?, notice?, seedKey?} (or a promise of it), save(stateJson,
  // resumePoint), experienced(lessonIndex), answered(questionIndex, choiceIds, correct), scored(correct, total,
  // scaled, passed, missedObjectives), completed(), acknowledged(attestation, policySha256), finish(ms), suspend(ms),
  // close(ms), exitLabel?, exit()}. questionIndex indexes the current attempt's items (questions).

  /** A state for an LMS that kept only the resume point (lesson_location) and not the suspend data. */
  function stateFromPoint(point) {
    var match = /^([SLQRAD])(\d*)$/.exec(point || '');
    if (!match || match[1] === SCREEN_START) {
      return null;
    }
    var s = freshState();
    // Without the suspend data the answers are lost: resume at that lesson, or at the last one before the check.
    s.s = SCREEN_LESSON;
    s.i = match[1] === SCREEN_LESSON ? Math.min(parseInt(match[2], 10) || 0, lessons.length - 1) : lessons.length - 1;
    return s;
  }

  /** No LMS: progress stays in this browser (previews, and SCORM packages opened outside an LMS). */
  ADAPTERS.local = function () {
    var key = 'hipaa-player:' + mod.id + ':' + (mod.version || '');
    return {
      start: function () {
        return {state: storageGet('localStorage', key)};
      },
      save: function (json) {
        storageSet('localStorage', key, json);
      }
    };
  };

  /** The SCORM runtime object, searched in the parent frames, then the opener's frames (SCORM RTE discovery). */
  function findApi(name) {
    function search(win) {
      for (var depth = 0; win && depth < 12; depth++) {
        try {
          if (win[name]) {
            return win[name];
          }
        } catch (e) {
          // a cross-origin frame: keep climbing
        }
        if (!win.parent || win.parent === win) {
          break;
        }
        win = win.parent;
      }
      return null;
    }
    var api = search(window);
    try {
      if (!api && window.opener) {
        api = search(window.opener);
      }
      if (!api && window.top && window.top.opener) {
        api = search(window.top.opener);
      }
    } catch (e) {
      // opener from another origin
    }
    return api;
  }

  /** Shared by both SCORM versions: names is the data model element names of that version. */
  function scormAdapter(apiName, names, calls) {
    var api = findApi(apiName), open = false;

    function get(element) {
      var value = api[calls.get](element);
      return value === null || value === undefined ? '' : String(value);
    }

    function set(element, value) {
      if (!open) {
        return;
      }
      var ok = String(api[calls.set](element, String(value))) === 'true';
      if (!ok && window.console) {
        console.warn('[player] ' + calls.set + '(' + element + ') failed: error ' + api[calls.error]());
      }
    }

    function commit() {
      if (open) {
        api[calls.commit]('');
      }
    }

    function end(ms, exitValue) {
      if (!open) {
        return;
      }
      set(names.sessionTime, names.duration(ms));
      set(names.exit, exitValue);
      commit();
      open = false;
      api[calls.finish]('');
    }

    return {
      api: api,
      set: set,
      get: get,
      start: function () {
        if (!api) {
          throw new Error('No ' + names.label + ' LMS connection was found, so your progress is kept in this browser only.');
        }
        if (String(api[calls.init]('')) !== 'true') {
          throw new Error(calls.init + ' failed (error ' + api[calls.error]() + ').');
        }
        open = true;
        var suspendData = get('cmi.suspend_data'), point = get(names.location), learner = get(names.learnerId);
        names.onStart(get, set);
        commit();
        return {state: decodeState(suspendData) ? suspendData : stateFromPoint(point),
          seedKey: learner ? 'learner:' + learner : null};
      },
      save: function (json, point) {
        set(names.location, point);
        set('cmi.suspend_data', json);
        commit();
      },
      answered: function (i, ids, correct) {
        var q = questions[i], n = parseInt(get('cmi.interactions._count'), 10) || 0, p = 'cmi.interactions.' + n + '.';
        set(p + 'id', q.id);
        set(p + 'type', 'choice');
        names.interaction(p, q, ids, correct, set);
        set(p + 'weighting', '1');
        commit();
      },
      scored: function (correct, total, scaled, passed) {
        set(names.score + 'min', '0');
        set(names.score + 'max', '100');
        set(names.score + 'raw', String(Math.round(scaled * 100)));
        names.onScore(scaled, passed, set);
        commit();
      },
      completed: function () {
        names.onCompleted(set, get);
        commit();
      },
      finish: function (ms) {
        end(ms, names.normalExit);
      },
      suspend: function (ms) {
        end(ms, 'suspend');
      },
      close: function (ms) {
        end(ms, names.normalExit);
      }
    };
  }

  function scorm12Time() {
    var d = new Date();
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
  }

  ADAPTERS.scorm12 = function () {
    return scormAdapter('API', {
      label: 'SCORM 1.2',
      location: 'cmi.core.lesson_location',
      learnerId: 'cmi.core.student_id',
      sessionTime: 'cmi.core.session_time',
      exit: 'cmi.core.exit',
      normalExit: '',
      score: 'cmi.core.score.',
      duration: scorm12Duration,
      onStart: function (get, set) {
        var status = get('cmi.core.lesson_status');
        if (!status || status === 'not attempted') {
          set('cmi.core.lesson_status', 'incomplete');
        }
      },
      interaction: function (p, q, ids, correct, set) {
        set(p + 'time', scorm12Time());
        set(p + 'correct_responses.0.pattern', q.correct.join(','));
        set(p + 'student_response', ids.join(','));
        set(p + 'result', correct ? 'correct' : 'wrong');
      },
      onScore: function (scaled, passed, set) {
        set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
      },
      onCompleted: function (set, get) {
        // One status in 1.2: a passed knowledge check stays "passed"; a module without one becomes "completed".
        if (!questions.length && get('cmi.core.lesson_status') !== 'passed') {
          set('cmi.core.lesson_status', 'completed');
        }
      }
    }, {init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
      error: 'LMSGetLastError'});
  };

  ADAPTERS.scorm2004 = function () {
    return scormAdapter('API_1484_11', {
      label: 'SCORM 2004',
      location: 'cmi.location',
      learnerId: 'cmi.learner_id',
      sessionTime: 'cmi.session_time',
      exit: 'cmi.exit',
      normalExit: 'normal',
      score: 'cmi.score.',
      duration: isoDuration,
      onStart: function (get, set) {
        var status = get('cmi.completion_status');
        if (!status || status === 'not attempted' || status === 'unknown') {
          set('cmi.completion_status', 'incomplete');
        }
      },
      interaction: function (p, q, ids, correct, set) {
        // timestamp: a time(second,10,0), at most two fraction digits, with the zone.
        set(p + 'timestamp', new Date().toISOString().substring(0, 22) + 'Z');
        set(p + 'description', String(q.prompt || '').substring(0, 250));
        set(p + 'correct_responses.0.pattern', q.correct.join('[,]'));
        set(p + 'learner_response', ids.join('[,]'));
        set(p + 'result', correct ? 'correct' : 'incorrect');
      },
      onScore: function (scaled, passed, set) {
        set('cmi.score.scaled', String(Math.round(scaled * 10000) / 10000));
        set('cmi.success_status', passed ? 'passed' : 'failed');
      },
      onCompleted: function (set) {
        set('cmi.completion_status', 'completed');
      }
    }, {init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
      error: 'GetLastError'});
  };

  // ---------------------------------------------------------------------------------------------- statement queue
  /*
   * Reliable delivery of xAPI statements (xapi and cmi5). Every statement gets its id here, is persisted in
   * localStorage under one key per registration and sent in order, in batches. A statement leaves the queue only
   * when the LRS answered 200/204, or 409 (that id is already stored). Network errors, 5xx, 429, 408, 401 and 403
   * are retried with exponential backoff and jitter; the `online` event retries at once; pagehide sends what is
   * left with fetch keepalive (what reached the LRS is recognised by its id the next time). A 409 or 400 for a
   * batch is retried one statement at a time so one bad or already-stored statement cannot hold the others back.
   */
  function StatementQueue(options) {
    var self = this;
    self.endpoint = options.endpoint.replace(/\/?$/, '/');
    self.headers = options.headers || function () { return {}; };
    self.key = options.key;
    self.batchSize = options.batchSize || 25;
    self.baseDelay = options.baseDelayMs || 1000;
    self.maxDelay = options.maxDelayMs || 60000;
    self.fetch = options.fetch || window.fetch.bind(window);
    self.onError = options.onError || function () {};
    self.items = (self.key && parseJson(storageGet('localStorage', self.key))) || [];
    self.sending = false;
    self.single = 0; // how many of the first items go one at a time (after a 409/400 for a batch)
    self.failures = 0;
    self.timer = null;
    self.waiters = [];
    window.addEventListener('online', function () { self.retryNow(); });
    if (options.unload !== false) {
      // Adapters pass unload: false and call sendOnUnload themselves, after queueing their last statement.
      window.addEventListener('pagehide', function () { self.sendOnUnload(); });
    }
    if (self.items.length) {
      self.flush();
    }
  }

  StatementQueue.prototype.persist = function () {
    if (this.key) {
      storageSet('localStorage', this.key, this.items.length ? JSON.stringify(this.items) : null);
    }
  };

  /** Queues a statement (giving it an id and timestamp if it has none) and starts sending; returns its id. */
  StatementQueue.prototype.add = function (statement) {
    statement.id = statement.id || uuid();
    statement.timestamp = statement.timestamp || new Date().toISOString();
    this.items.push(statement);
    this.persist();
    this.flush();
    return statement.id;
  };

  StatementQueue.prototype.request = function (batch, keepalive) {
    var headers = Object.assign({'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3'},
      this.headers());
    return this.fetch(this.endpoint + 'statements', {method: 'POST', headers: headers, keepalive: !!keepalive,
      body: JSON.stringify(batch), credentials: 'omit'});
  };

  StatementQueue.prototype.flush = function () {
    var self = this;
    if (self.sending || self.timer || !self.items.length) {
      self.notifyIfIdle();
      return;
    }
    self.sending = true;
    var batch = self.items.slice(0, self.single ? 1 : self.batchSize);
    self.request(batch, false).then(function (response) {
      return response.status;
    }, function () {
      return 0; // network error
    }).then(function (status) {
      self.sending = false;
      if (status === 200 || status === 204 || (status === 409 && batch.length === 1)) {
        self.sent(batch);
      } else if ((status === 409 || status === 400 || status === 413) && batch.length > 1) {
        self.single = batch.length;
      } else if (status >= 400 && status < 500 && [401, 403, 408, 429].indexOf(status) < 0) {
        // The LRS refuses this one statement for good: keeping it would block every later statement.
        self.onError('The learning record store refused a statement (HTTP ' + status + ').');
        if (window.console) {
          console.error('[player] statement refused with HTTP ' + status, batch[0]);
        }
        self.sent(batch);
      } else {
        self.failures += 1;
        var delay = Math.min(self.maxDelay, self.baseDelay * Math.pow(2, self.failures - 1));
        delay = delay / 2 + Math.random() * delay / 2;
        self.timer = setTimeout(function () {
          self.timer = null;
          self.flush();
        }, delay);
        return;
      }
      self.flush();
    });
  };

  StatementQueue.prototype.sent = function (batch) {
    var ids = batch.map(function (s) { return s.id; });
    this.items = this.items.filter(function (s) { return ids.indexOf(s.id) < 0; });
    this.single = Math.max(0, this.single - batch.length);
    this.failures = 0;
    this.persist();
  };

  StatementQueue.prototype.retryNow = function () {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.failures = 0;
    this.flush();
  };

  /** Best effort while the page goes away: the requests outlive it; the items stay stored until confirmed. */
  StatementQueue.prototype.sendOnUnload = function () {
    // Also while a request is in flight: the page may cancel it; statements the LRS gets twice are known by id.
    if (!this.items.length) {
      return;
    }
    var batch = [], size = 0;
    for (var i = 0; i < this.items.length && batch.length < this.batchSize; i++) {
      var length = JSON.stringify(this.items[i]).length;
      if (size + length > 60000) {
        break; // keepalive requests share a 64 KB budget
      }
      batch.push(this.items[i]);
      size += length;
    }
    try {
      this.request(batch, true).catch(function () {});
    } catch (e) {
      // nothing more can be done while unloading
    }
  };

  StatementQueue.prototype.notifyIfIdle = function () {
    if (!this.items.length && !this.sending) {
      var waiters = this.waiters;
      this.waiters = [];
      waiters.forEach(function (resolve) { resolve(true); });
    }
  };

  /** Resolves true when everything was delivered, false when timeoutMs passed first. */
  StatementQueue.prototype.drain = function (timeoutMs) {
    var self = this;
    return new Promise(function (resolve) {
      self.waiters.push(resolve);
      if (timeoutMs) {
        setTimeout(function () { resolve(false); }, timeoutMs);
      }
      self.notifyIfIdle();
    });
  };

  // ---------------------------------------------------------------------------------------------- State API document

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== null && params[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  /**
   * One State API document (the resume data), written with concurrency control: If-None-Match: * to create it,
   * If-Match: <ETag> to replace it (xAPI 2.0 LRSs refuse blind overwrites). Saves run one at a time; a save that a
   * newer one superseded is skipped; after a 412 the ETag is read again and the save repeated once. PUTs use
   * keepalive so the last save survives the page being closed.
   */
  function StateDocument(endpoint, headers, params) {
    var self = this;
    self.url = endpoint + 'activities/state?' + query(params);
    self.headers = headers;
    self.etag = null;
    self.known = false;
    self.latest = null;
    self.stored = null;
    self.chain = Promise.resolve();
    window.addEventListener('online', function () {
      if (self.latest !== null && self.latest !== self.stored) {
        self.save(self.latest);
      }
    });
  }

  StateDocument.prototype.requestHeaders = function (extra) {
    return Object.assign({'X-Experience-API-Version': '1.0.3'}, this.headers(), extra || {});
  };

  StateDocument.prototype.load = async function () {
    var response = await fetch(this.url, {headers: this.requestHeaders(), cache: 'no-store', credentials: 'omit'});
    if (response.status === 404) {
      this.etag = null;
      this.known = true;
      return null;
    }
    if (!response.ok) {
      throw new Error('Your saved progress could not be read (HTTP ' + response.status + ').');
    }
    this.etag = response.headers.get('ETag');
    this.known = true;
    this.stored = await response.text();
    return this.stored;
  };

  StateDocument.prototype.save = function (text) {
    var self = this;
    self.latest = text;
    self.chain = self.chain.then(function () { return self.put(text, false); }).catch(function (e) {
      if (window.console) {
        console.warn('[player] saving progress failed', e);
      }
    });
    return self.chain;
  };

  StateDocument.prototype.put = async function (text, retried) {
    if (text !== this.latest || text === this.stored) {
      return;
    }
    if (!this.known) {
      await this.load();
    }
    var condition = this.etag ? {'If-Match': this.etag} : {'If-None-Match': '*'};
    var response = await fetch(this.url, {method: 'PUT', body: text, keepalive: true, credentials: 'omit',
      headers: this.requestHeaders(Object.assign({'Content-Type': 'application/json'}, condition))});
    if (response.ok) {
      this.stored = text;
      this.etag = response.headers.get('ETag');
      this.known = !!this.etag; // no ETag in the answer: read it before the next write
      return;
    }
    if ((response.status === 412 || response.status === 409 || response.status === 428) && !retried) {
      this.known = false;
      await this.put(text, true);
      return;
    }
    throw new Error('HTTP ' + response.status);
  };

  // ---------------------------------------------------------------------------------------------- xAPI statements

  var OURS = 'https://hipaa-training.org/xapi/';
  var TYPE_MODULE = 'http://adlnet.gov/expapi/activities/module', TYPE_LESSON = 'http://adlnet.gov/expapi/activities/lesson',
    TYPE_QUESTION = 'http://adlnet.gov/expapi/activities/cmi.interaction',
    TYPE_ATTESTATION = OURS + 'activity-types/policy-attestation';
  var CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon',
    CMI5_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

  function lang(text) {
    return {'en-US': String(text || '')};
  }

  function verb(name, id) {
    return {id: id || ADL + name, display: lang(name)};
  }

  function vocabulary(key, fallback) {
    return data.vocabulary[key] || OURS + fallback;
  }

  /** tincan.xml launches may pass the legacy TinCan actor form ({"name": ["x"], "mbox": ["mailto:..."]}). */
  function normalizeActor(actor) {
    if (!actor || typeof actor !== 'object') {
      return null;
    }
    var result = {objectType: actor.objectType || 'Agent'};
    ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account'].forEach(function (key) {
      var value = Array.isArray(actor[key]) ? actor[key][0] : actor[key];
      if (key === 'account' && value && value.accountServiceHomePage) {
        value = {homePage: value.accountServiceHomePage, name: value.accountName};
      }
      if (value) {
        result[key] = value;
      }
    });
    return result;
  }

  /** The knowledge-check-draw context extension: seed, cycle, attempt and the item ids of the current attempt. */
  function drawExtension() {
    var extensions = {};
    extensions[vocabulary('knowledgeCheckDraw', 'extensions/knowledge-check-draw')] = drawInfo();
    return extensions;
  }

  /** A stable key for an actor without a registration (an xAPI launch may omit it): its identifier, not its name. */
  function actorKey(actor) {
    if (actor.account) {
      return actor.account.homePage + '|' + actor.account.name;
    }
    return actor.mbox || actor.mbox_sha1sum || actor.openid || '';
  }

  /**
   * The reporting shared by xapi and cmi5. cfg: queue, actor, registration, stateDoc, objectId (the module's
   * activity id), and for cmi5: cmi5 true, contextTemplate, launchMode, moveOn, masteryScore, returnURL.
   */
  function statementAdapter(cfg) {
    var ended = false, passedBefore = false, completedBefore = false, failedInSession = false;
    var normal = !cfg.cmi5 || cfg.launchMode === 'Normal';

    function moduleActivity() {
      var definition = {type: TYPE_MODULE, name: lang(mod.title)};
      if (mod.description) {
        definition.description = lang(mod.description);
      }
      return {objectType: 'Activity', id: cfg.objectId, definition: definition};
    }

    function context(withParent, category, extensions) {
      var ctx = cfg.contextTemplate ? JSON.parse(JSON.stringify(cfg.contextTemplate)) : {};
      if (cfg.registration) {
        ctx.registration = cfg.registration;
      }
      var activities = ctx.contextActivities = ctx.contextActivities || {};
      if (withParent) {
        activities.parent = (activities.parent || []).concat([{objectType: 'Activity', id: mod.iri}]);
      }
      if (data.courseIri) {
        activities.grouping = (activities.grouping || []).concat([{objectType: 'Activity', id: data.courseIri}]);
      }
      if (category && category.length) {
        activities.category = (activities.category || []).concat(category.map(function (id) {
          return {objectType: 'Activity', id: id};
        }));
      }
      if (!Object.keys(activities).length) {
        delete ctx.contextActivities;
      }
      var ext = ctx.extensions = ctx.extensions || {};
      ext[vocabulary('moduleVersion', 'extensions/module-version')] = mod.version;
      if (data.roleId) {
        ext[vocabulary('role', 'extensions/role')] = data.roleId;
      }
      ext[vocabulary('packageFormat', 'extensions/package-format')] = data.format;
      Object.assign(ext, extensions || {});
      return ctx;
    }

    function send(v, object, result, ctx) {
      var statement = {actor: cfg.actor, verb: v, object: object, context: ctx};
      if (result) {
        statement.result = result;
      }
      return cfg.queue.add(statement);
    }

    /** cmi5 "defined" statements carry the cmi5 category (and moveOn where they can satisfy it). */
    function defined(moveOn, extensions) {
      var category = cfg.cmi5 ? [CMI5_CATEGORY].concat(moveOn ? [MOVEON_CATEGORY] : []) : [];
      return context(false, category, extensions);
    }

    function terminate(ms) {
      if (ended) {
        return;
      }
      ended = true;
      send(verb('terminated'), moduleActivity(), {duration: isoDuration(ms)}, defined(false));
      cfg.queue.sendOnUnload();
    }

    var adapter = {
      start: async function () {
        var text = null, warning = null;
        try {
          text = await cfg.stateDoc.load();
        } catch (e) {
          warning = e.message;
        }
        var previous = decodeState(text);
        passedBefore = !!(previous && previous.p);
        completedBefore = !!(previous && previous.c);
        send(verb('initialized'), moduleActivity(), null, defined(false));
        return {state: text, masteryScore: cfg.masteryScore, notice: warning || cfg.notice,
          seedKey: cfg.registration || 'actor:' + actorKey(cfg.actor)};
      },
      save: function (json) {
        cfg.stateDoc.save(json);
      },
      experienced: function (i) {
        if (ended || !normal) {
          return;
        }
        var lesson = lessons[i];
        send(verb('experienced'), {objectType: 'Activity', id: lesson.iri,
          definition: {type: TYPE_LESSON, name: lang(lesson.title)}}, null, context(true));
      },
      answered: function (i, ids, correct) {
        if (ended || !normal) {
          return;
        }
        var q = questions[i], extensions = drawExtension();
        extensions[vocabulary('choiceOrder', 'extensions/choice-order')] =
          choiceOrder(q, state.e, state.y, state.t).map(function (c) { return c.id; });
        // The definition keeps the bank's choice order, so it is the same in every attempt; the context says
        // which item of the draw this was and the order the learner saw.
        send(verb('answered'), {objectType: 'Activity', id: q.iri, definition: {
          type: TYPE_QUESTION, name: lang('Question ' + (i + 1) + ': ' + q.id), description: lang(q.prompt),
          interactionType: 'choice', correctResponsesPattern: [q.correct.join('[,]')],
          choices: q.choices.map(function (c) { return {id: c.id, description: lang(c.text)}; })
        }}, {response: ids.join('[,]'), success: correct}, context(true, null, extensions));
      },
      scored: function (correct, total, scaled, passed, missed) {
        if (ended || !normal || (cfg.cmi5 && (passedBefore || (!passed && failedInSession)))) {
          return; // cmi5: passed once per registration, never failed after it, failed once per session
        }
        passedBefore = passed;
        failedInSession = failedInSession || !passed;
        var extensions = drawExtension();
        extensions[vocabulary('objectivesMissed', 'extensions/objectives-missed')] =
          (missed || []).map(function (o) { return o.id; });
        if (cfg.cmi5) {
          extensions[CMI5_MASTERY] = mastery;
        }
        send(verb(passed ? 'passed' : 'failed'), moduleActivity(), {
          score: {scaled: Math.round(scaled * 10000) / 10000, raw: Math.round(scaled * 100), min: 0, max: 100},
          success: passed, duration: isoDuration(Date.now() - sessionStart)
        }, defined(true, extensions));
      },
      completed: function () {
        if (ended || !normal || (cfg.cmi5 && completedBefore)) {
          return;
        }
        completedBefore = true;
        send(verb('completed'), moduleActivity(), {completion: true, duration: isoDuration(Date.now() - sessionStart)},
          defined(true));
      },
      acknowledged: function (att, policySha256) {
        if (ended || !normal) {
          return;
        }
        var extensions = {};
        extensions[vocabulary('policyId', 'extensions/policy-id')] = att.policyId;
        extensions[vocabulary('policyVersion', 'extensions/policy-version')] = att.policyVersion;
        if (policySha256) {
          extensions[vocabulary('policySha256', 'extensions/policy-sha256')] = policySha256;
          extensions[vocabulary('policySections', 'extensions/policy-sections')] = att.sections || [];
        }
        send(verb('acknowledged', vocabulary('acknowledged', 'verbs/acknowledged')), {objectType: 'Activity',
          id: att.iri, definition: {type: TYPE_ATTESTATION, name: lang('Acknowledgement: ' + att.policyId + ' '
            + att.policyVersion), description: lang(att.text)}}, null, context(true, null, extensions));
      },
      finish: terminate,
      suspend: terminate,
      close: terminate
    };
    if (cfg.returnURL) {
      adapter.exitLabel = 'Return to the course';
      adapter.exit = async function () {
        terminate(Date.now() - sessionStart);
        await cfg.queue.drain(5000);
        window.location.assign(cfg.returnURL);
      };
    }
    return adapter;
  }

  function launchParameter(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  function withSlash(endpoint) {
    return endpoint.replace(/\/?$/, '/');
  }

  /** tincan.xml launch: endpoint, auth, actor, registration, activity_id in the query string. */
  ADAPTERS.xapi = function () {
    var endpoint = launchParameter('endpoint'), auth = launchParameter('auth');
    var actor = normalizeActor(parseJson(launchParameter('actor')));
    var registration = launchParameter('registration') || null;
    if (!endpoint || !actor) {
      return {start: function () {
        throw new Error('This module was opened without its xAPI launch parameters, so your progress is kept in '
          + 'this browser only.');
      }};
    }
    endpoint = withSlash(endpoint);
    var headers = function () { return auth ? {Authorization: auth} : {}; };
    var queue = new StatementQueue({endpoint: endpoint, headers: headers, unload: false, onError: notice,
      key: 'hipaa-xapi-queue:' + (registration || endpoint + JSON.stringify(actor))});
    return statementAdapter({
      queue: queue, actor: actor, registration: registration, objectId: mod.iri,
      stateDoc: new StateDocument(endpoint, headers, {activityId: mod.iri, agent: JSON.stringify(actor),
        registration: registration, stateId: 'resume'})
    });
  };

  var CMI5_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

  /**
   * cmi5 launch: endpoint, fetch, actor, registration, activityId. The fetch URL is POSTed once for the auth token,
   * kept in sessionStorage so a reload does not ask again (the LMS answers a second request with an error).
   * LMS.LaunchData gives the launch mode, mastery score (it overrides the module's), moveOn, returnURL and the
   * context template (session id) every statement starts from.
   */
  ADAPTERS.cmi5 = function () {
    var endpoint = launchParameter('endpoint'), fetchUrl = launchParameter('fetch');
    var actor = normalizeActor(parseJson(launchParameter('actor')));
    var registration = launchParameter('registration'), activityId = launchParameter('activityId');
    if (!endpoint || !fetchUrl || !actor || !registration || !activityId) {
      return {start: function () {
        throw new Error('This module was opened without its cmi5 launch parameters, so your progress is kept in '
          + 'this browser only.');
      }};
    }
    endpoint = withSlash(endpoint);
    var tokenKey = 'hipaa-cmi5-token:' + fetchUrl, token = storageGet('sessionStorage', tokenKey);
    var headers = function () { return token ? {Authorization: 'Basic ' + token} : {}; };
    var agent = JSON.stringify(actor);

    async function getToken() {
      var response, body;
      try {
        response = await fetch(fetchUrl, {method: 'POST', credentials: 'omit', cache: 'no-store'});
        body = parseJson(await response.text());
      } catch (e) {
        throw new Error('The learning system could not be reached to start this module (' + e.message + ').');
      }
      if (!response.ok || !body || !body['auth-token']) {
        var detail = body && body['error-code'] ? 'error ' + body['error-code'] + (body['error-text'] ? ': '
          + body['error-text'] : '') : 'HTTP ' + response.status;
        throw new Error('The learning system did not allow this module to record your progress (' + detail
          + '). Close it and launch it again from the course.');
      }
      storageSet('sessionStorage', tokenKey, body['auth-token']);
      return body['auth-token'];
    }

    async function getJson(url, optional) {
      var response = await fetch(url, {headers: Object.assign({'X-Experience-API-Version': '1.0.3'}, headers()),
        cache: 'no-store', credentials: 'omit'});
      if (!response.ok) {
        if (optional) {
          return null;
        }
        throw new Error('The course launch data could not be read (HTTP ' + response.status + ').');
      }
      return parseJson(await response.text());
    }

    return {
      start: async function () {
        if (!token) {
          token = await getToken();
        }
        var launch = await getJson(endpoint + 'activities/state?' + query({stateId: 'LMS.LaunchData',
          activityId: activityId, agent: agent, registration: registration}), false) || {};
        try {
          await getJson(endpoint + 'agents/profile?' + query({agent: agent, profileId: 'cmi5LearnerPreferences'}), true);
        } catch (e) {
          // learner preferences are optional
        }
        var template = launch.contextTemplate || {};
        template.extensions = template.extensions || {};
        if (!template.extensions[CMI5_SESSION]) {
          template.extensions[CMI5_SESSION] = uuid();
        }
        var mode = launch.launchMode || 'Normal';
        var inner = statementAdapter({
          queue: new StatementQueue({endpoint: endpoint, headers: headers, unload: false, onError: notice,
            key: 'hipaa-cmi5-queue:' + registration}),
          actor: actor, registration: registration, objectId: activityId, cmi5: true, contextTemplate: template,
          launchMode: mode, moveOn: launch.moveOn,
          masteryScore: typeof launch.masteryScore === 'number' ? launch.masteryScore : undefined,
          returnURL: launch.returnURL || null,
          notice: mode !== 'Normal' ? 'You opened this module in ' + mode + ' mode: your answers are not recorded.' : null,
          stateDoc: new StateDocument(endpoint, headers, {activityId: activityId, agent: agent,
            registration: registration, stateId: 'resume'})
        });
        Object.assign(this, inner);
        return inner.start();
      }
    };
  };

  /* @@ADAPTERS */

  function start() {
    boot().catch(function (e) {
      if (window.console) {
        console.error('[player]', e);
      }
      document.body.appendChild(h('p', {class: 'hp-error', role: 'alert'}, 'This module could not be shown: ' + e.message));
    });
  }

  // For tests and for pages that embed the player's parts without a module.
  window.HipaaPlayer = {StatementQueue: StatementQueue, uuid: uuid, isoDuration: isoDuration,
    scorm12Duration: scorm12Duration, sha256: sha256, draw: function (m, seed, cycle, attempt, asked, revealed) {
      // The draw for a module's data, as KnowledgeCheckDraw computes it (tests compare the two).
      var set = function (ids) {
        var result = {};
        (ids || []).forEach(function (id) { result[id] = true; });
        return result;
      };
      return drawItems(m, seed, cycle, attempt, set(asked), set(revealed)).map(function (q) {
        return {id: q.id, choices: choiceOrder(q, seed, cycle, attempt, m).map(function (c) { return c.id; })};
      });
    }};

  if (document.getElementById('module-data')) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }
})();
