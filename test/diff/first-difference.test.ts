// Where a diff cause points inside a changed node or registry entry: the first field that
// differs, as deep as both versions have it (diff-causes.ts firstDifference).
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/core/diff-causes.ts';

const node = (score: number, extra: object = {}) => ({
  id: 'med-intramural',
  origin: { file: 'trees/zvw.yaml', path: ['nodes', 4] },
  effects: { routes: [{ route: 'zvw.medicine-intramural', score, sources: ['a'] }] },
  next: 'end',
  ...extra,
});

describe('firstDifference', () => {
  it('goes down to a changed score', () => {
    expect(firstDifference(node(90), node(60))).toEqual(['effects', 'routes', 0, 'score']);
  });

  it('ignores where a definition is written (origin)', () => {
    const moved = { ...node(90), origin: { file: 'trees/zvw.yaml', path: ['nodes', 7] } };
    expect(firstDifference(node(90), moved)).toEqual([]);
  });

  it('points at an added field, and at an added list item', () => {
    expect(firstDifference(node(90), node(90, { unknown: 'end' }))).toEqual(['unknown']);
    const more = node(90);
    const added = {
      ...more,
      effects: { routes: [...more.effects.routes, { route: 'zvw.x', score: 1, sources: [] }] },
    };
    expect(firstDifference(more, added)).toEqual(['effects', 'routes', 1]);
  });

  it('stops at the entry when the newer version only lacks something', () => {
    const fewer = { ...node(90), effects: { routes: [] } };
    expect(firstDifference(node(90), fewer)).toEqual(['effects', 'routes']);
    const { next: _next, ...withoutNext } = node(90);
    expect(firstDifference(node(90), withoutNext)).toEqual([]);
  });

  it('stops at a value of another kind', () => {
    expect(firstDifference({ if: { question: 'a', equals: 'x' } }, { if: 'x' })).toEqual(['if']);
  });
});
