/*
 * Player part: the knowledge check's item draw and choice order. Uses util.js; mod (state.js) is the default module.
 */

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
