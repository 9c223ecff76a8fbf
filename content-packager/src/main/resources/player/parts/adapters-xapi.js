/*
 * Player part: the State API document (resume data), the statements the player sends, and the xapi (tincan.xml
 * launch) and cmi5 adapters, registered in ADAPTERS (state.js). Uses util.js, draw.js, state.js and
 * statement-queue.js.
 */

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

var ADL = 'http://adlnet.gov/expapi/verbs/', OURS = 'https://hipaa-training.org/xapi/';
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
