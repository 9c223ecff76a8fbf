/*
 * Player part: small utilities (DOM building, ids, durations, storage, JSON, SHA-256). Every other part uses them;
 * this part uses none. The parts share one scope: the packager joins them, in PlayerFiles' order, inside one
 * function into player/player.js (docs/packaging.md, "The player").
 */

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
