// Run by tests/object-shapes.test.ts as `node --allow-natives-syntax` (V8's `%HaveSameMap` tells
// whether two objects share a hidden class). Each check makes records the way a build makes them,
// thousands of times so V8 optimises the code that makes them, then compares two of the last ones.
// Prints one JSON object: check name → true when the records share their hidden class.
import { articleEntries } from '../../lib/link/appearanceEntries.js';
import { tokenSource } from '../../lib/extract/entities/articleTokens.js';
import { newWordTable } from '../../lib/extract/entities/tokens.js';
import { resolveNames, newNameInfo } from '../../lib/extract/entities/resolve.js';
import { EMPTY_REGISTRY } from '../../lib/extract/entities/registry.js';
import { loadGazetteer } from '../../lib/extract/entities/gazetteer.js';
import { buildTimeline } from '../../lib/extract/events/merge.js';

const ROUNDS = 4000;
const TEXTS = [
  'Maria Lopez met officials in Harbourview on Monday. The talks ended late.',
  'The council said on 3 March 2021 that the bridge would reopen. Maria Lopez agreed.',
];

function article(n) {
  const blocks = TEXTS.map((text, i) => ({ type: 'paragraph', anchor: `p-${i + 1}`, content: { text: `${text} Item ${n}.`, marks: [] } }));
  return { id: `a-${n}`, date: '2021-03-01', datePrecision: 'day', blocks };
}

const sameShape = (a, b) => a !== undefined && b !== undefined && %HaveSameMap(a, b);
const results = {};

// The sentences an entity page quotes (`splitBlockSentences`).
{
  let spans = [];
  for (let n = 0; n < ROUNDS; n++) {
    const record = article(n);
    const mentions = [{ entityId: 'maria-lopez', articleId: record.id, blockAnchor: 'p-1', surface: 'Maria Lopez', start: 0, end: 11 }, { entityId: 'maria-lopez', articleId: record.id, blockAnchor: 'p-2', surface: 'Maria Lopez', start: 61, end: 72 }];
    const sentencesOf = new Map();
    articleEntries(record, mentions, sentencesOf);
    spans = [...sentencesOf.values()].flat();
  }
  results['sentences of a block'] = sameShape(spans[0], spans[1]) && sameShape(spans[0], spans[spans.length - 1]);
}

// The texts entity finding reads (`readUnits`).
{
  const words = newWordTable();
  let units = [];
  for (let n = 0; n < ROUNDS; n++) units = tokenSource(words, new Map(), () => false, true)(article(n)).units;
  results['texts of an article'] = sameShape(units[0], units[1]);
}

// Entities merged from names (`resolveNames`).
{
  const gazetteer = loadGazetteer();
  let groups = [];
  for (let n = 0; n < ROUNDS; n++) {
    const names = new Map();
    for (const key of ['maria lopez', `harbour ${n % 50}`, 'city council']) {
      const info = newNameInfo(key, key.split(' ').length);
      info.count = 3;
      info.forms.set(key.replace(/\b\w/g, (c) => c.toUpperCase()), 3);
      names.set(key, info);
    }
    groups = resolveNames(names, EMPTY_REGISTRY, gazetteer).groups;
  }
  results['entities'] = sameShape(groups[0], groups[1]);
}

// A watch session's timeline events (plain records from the merge).
{
  let events = [];
  for (let n = 0; n < ROUNDS; n++) {
    const candidates = [0, 1, 2].map((k) => ({ articleId: `a-${n}`, blockAnchor: 'p-2', anchor: `s-p-2-${k + 1}`, date: `2021-03-0${k + 1}`, precision: 'day', approximate: false, future: false, dateText: '3 March 2021', text: `The council said the bridge would reopen, number ${k}.` }));
    events = buildTimeline(candidates, []);
  }
  results['timeline events'] = sameShape(events[0], events[1]);
}

process.stdout.write(JSON.stringify(results));
