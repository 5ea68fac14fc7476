/** The co-mention graph on the entity index: which entities it draws. */
import { describe, expect, it } from 'vitest';
import type { EntityIndex } from '../src/link/linkEntities.js';
import { layoutGraph } from '../src/render/entityGraph.js';
import type { Entity } from '../src/types.js';
import { seededRandom } from './helpers/devProject.js';

describe('layoutGraph', () => {
  it('draws the most mentioned connected entities, ties broken by mentions then name, whatever their order in the archive', () => {
    const random = seededRandom(3);
    const entities: Entity[] = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      name: `Name ${Math.floor(random() * 150)}`,
      type: (['person', 'organization', 'place', 'other'] as const)[i % 4],
      url: `entities/e${i}/`,
      articles: Array.from({ length: 1 + Math.floor(random() * 6) }, (_, j) => `a${j}`),
      mentions: 1 + Math.floor(random() * 4),
    })) as unknown as Entity[];
    const connected = entities.filter((_, i) => i % 3 !== 0);
    const coMentions = new Map(connected.map((entity, i) => [entity.id, [{ entity: connected[(i + 1) % connected.length]!, articles: 1 }]]));
    const index = { coMentions } as unknown as EntityIndex;
    // What a full stable sort picks.
    const expected = [...connected]
      .sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name, 'en'))
      .slice(0, 30)
      .map((entity) => entity.id)
      .sort();
    const drawn = layoutGraph(entities, index).nodes.map((node) => node.entity.id);
    expect(drawn.sort()).toEqual(expected);
    expect(drawn).toHaveLength(30);
  });
});
