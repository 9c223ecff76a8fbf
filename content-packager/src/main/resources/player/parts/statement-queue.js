/*
 * Player part: the queue that delivers xAPI statements (xapi and cmi5 adapters). Uses util.js only (uuid, storage,
 * parseJson) and the window's fetch, localStorage and events.
 */

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
