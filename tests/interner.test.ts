import { describe, expect, it } from 'vitest';
import { Interner } from '../src/text/interner.js';

describe('Interner', () => {
  it('gives back an equal string, the same copy for equal strings', () => {
    const shared = new Interner();
    const text = 'Ebrahim Raisi died in a helicopter crash on 19 May 2024.';
    const a = shared.get(text.slice(0, 13));
    const b = shared.get(`${'Ebrahim'} ${'Raisi'}`);
    expect(a).toBe('Ebrahim Raisi');
    expect(b).toBe(a);
    expect(shared.get('p-3')).toBe('p-3');
    expect(shared.get('')).toBe('');
  });
});
