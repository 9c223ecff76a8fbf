/*
 * Player part, joined last: start-up (boot chooses the adapter the page's format names), page-hide handling, the
 * window.HipaaPlayer test hooks, and the call that starts the player once every adapter is registered.
 */

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
