/*
 * Player part: the screens (start, lessons, knowledge check, result, attestation, finish) and their navigation.
 * Uses util.js, draw.js and state.js; reports to the adapter only through call() and save() (state.js).
 */

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
