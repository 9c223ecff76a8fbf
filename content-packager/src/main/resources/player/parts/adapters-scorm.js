/*
 * Player part: the local adapter (no LMS) and the SCORM 1.2 and 2004 adapters, registered in ADAPTERS (state.js).
 * Uses util.js and state.js (decodeState, freshState, lessons, questions).
 */

// ---------------------------------------------------------------------------------------------- adapters
// The adapter interface is described in state.js, beside the ADAPTERS registry.

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
