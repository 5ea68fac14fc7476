/** A watch session's URLs (`KeptUrls`): each placing must give what `assignUrls` gives for the same drafts, however the drafts change. */
import { describe, expect, it } from 'vitest';
import { assignUrls, KeptUrls } from '../src/parse/assignUrls.js';
import type { Article } from '../src/types.js';

const draft = (sourcePath: string, slug: string, title = slug) => ({ id: '', sourcePath, slug, title, url: '' }) as unknown as Article;
const display = (article: Article) => article.sourcePath;

describe('KeptUrls', () => {
  it('places as assignUrls does through edits, new shared slugs, renames and drafts out of order', () => {
    const kept = new KeptUrls();
    const check = (drafts: Article[]) => {
      const warm = kept.place(drafts, display);
      const cold = assignUrls(drafts, display);
      expect(warm.articles).toEqual(cold.articles);
      expect(warm.diagnostics).toEqual(cold.diagnostics);
      return warm.articles;
    };
    const [a, b, c] = [draft('a.md', 'alpha'), draft('b.md', 'beta'), draft('c.md', 'gamma')];
    const first = check([a, b, c]);
    // The same drafts: the same records.
    expect(check([a, b, c])).toEqual(first);
    expect(check([a, b, c])[1]).toBe(first[1]);
    // b edited, its slug the same: only b placed again; a and c keep their records.
    const edited = check([a, draft('b.md', 'beta', 'Beta, edited'), c]);
    expect(edited[0]).toBe(first[0]);
    expect(edited[1]!.title).toBe('Beta, edited');
    // b now wants a's slug: a suffix and a warning, as a cold placing gives.
    const shared = check([a, draft('b.md', 'alpha'), c]);
    expect(shared[1]!.slug).not.toBe('alpha');
    // And an edit while two share a slug, then apart again.
    check([a, draft('b.md', 'alpha', 'again'), c]);
    check([a, draft('b.md', 'beta'), c]);
    // A file renamed (another path at the same place), one added, one gone.
    check([a, draft('bb.md', 'beta'), c]);
    // Renamed past another file: the listing order, and so the drafts', changes.
    check([a, c, draft('e.md', 'beta')]);
    check([a, draft('bb.md', 'beta'), c]);
    check([a, draft('z.md', 'beta'), c]);
    check([a, draft('bb.md', 'beta'), c, draft('d.md', 'delta')]);
    check([a, c, draft('d.md', 'delta')]);
    // Drafts not in path order.
    check([c, a, draft('d.md', 'delta')]);
    check([c, draft('a.md', 'alpha', 'x'), draft('d.md', 'delta')]);
  });
});
