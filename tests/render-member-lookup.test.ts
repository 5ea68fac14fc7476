import { describe, expect, it } from 'vitest';
import { memberLookup, originalMemberLookup } from '../src/render/nunjucksMemberLookup.js';
import { createEnvironment } from '../src/render/environment.js';
import { REPO } from './helpers/project.js';

/** A record whose field is a getter that counts its runs, and a method that reads `this`. */
function counted() {
  const runs = { value: 0 };
  const record = {
    name: 'Ana',
    get costly() {
      runs.value++;
      return 'made';
    },
    greet(greeting: string) {
      return `${greeting}, ${this.name}`;
    },
  };
  return { record, runs };
}

describe('memberLookup', () => {
  it('gives what Nunjucks’ own gives, for values, methods and missing objects', () => {
    const { record } = counted();
    for (const lookup of [memberLookup, originalMemberLookup]) {
      expect(lookup(record, 'name')).toBe('Ana');
      expect(lookup(record, 'costly')).toBe('made');
      expect(lookup(record, 'absent')).toBeUndefined();
      expect(lookup(null, 'name')).toBeUndefined();
      expect(lookup(undefined, 'name')).toBeUndefined();
      expect(lookup(['a', 'b'], 1)).toBe('b');
      expect((lookup(record, 'greet') as (g: string) => string)('Hello')).toBe('Hello, Ana');
      expect((lookup('text', 'toUpperCase') as () => string)()).toBe('TEXT');
    }
  });

  it('runs a getter once per lookup in a rendered template (Nunjucks’ own runs it twice)', () => {
    const { record, runs } = counted();
    const environment = createEnvironment({ templates: REPO, portable: false, baseUrl: '' });
    const html = environment.renderString('{{ item.costly }} {{ item.greet("Hi") }}', { item: record });
    expect(html).toBe('made Hi, Ana');
    expect(runs.value).toBe(1);
    runs.value = 0;
    originalMemberLookup(record, 'costly');
    expect(runs.value).toBe(2);
  });
});
