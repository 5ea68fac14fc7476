import { describe, expect, it } from 'vitest';
import { eventViews, LazyEventView } from '../src/render/timeline/eventView.js';

describe('lazy event views', () => {
  it('give the same fields and links as the eager views, worked out once', () => {
    const archive = {
      entities: [{ id: 'p-a', name: 'Ann', url: 'entities/people/ann/' }],
      articleById: new Map([['x', { id: 'x', title: 'X', url: 'articles/x/' }]]),
    };
    const event = { id: '2024-05-19-abc', date: '2024-05-19', precision: 'day', approximate: true, future: true, entities: ['p-a', 'p-gone'], sources: [{ articleId: 'x', anchor: 's-p-1-1' }, { articleId: 'gone', anchor: 's-p-2-1' }] };
    const [eager] = eventViews(archive as never, [event as never]);
    const lazy = new LazyEventView(archive as never, event as never);
    for (const field of ['event', 'anchor', 'dateLabel', 'status', 'entities', 'sources'] as const) expect(lazy[field], field).toEqual(eager![field]);
    expect(lazy.sources).toEqual([{ label: 'X', url: 'articles/x/#s-p-1-1' }]);
    expect(lazy.sources).toBe(lazy.sources);
    expect(lazy.dateLabel).toBe('about 19 May 2024');
  });
});
