import { describe, expect, it } from 'vitest';
import { missingInChain } from './batch-reads';
import { muralWidget as widget } from './testing/mural-widget';

describe('missingInChain', () => {
  const seen = new Map([
    ['inner', widget({ id: 'inner', type: 'area', parentId: 'outer' })],
    ['outer', widget({ id: 'outer', type: 'area', parentId: null })],
    ['lost', widget({ id: 'lost', type: 'area', parentId: 'unseen' })],
  ]);
  const known = (id: string) => seen.get(id);

  it('is null when every area up the chain is known', () => {
    expect(missingInChain('inner', known)).toBeNull();
  });

  it('names the first area of the chain not seen yet, the area itself included', () => {
    expect(missingInChain('lost', known)).toBe('unseen');
    expect(missingInChain('new', known)).toBe('new');
  });

  it('stops on a chain that loops', () => {
    const loop = widget({ id: 'loop', type: 'area', parentId: 'loop' });
    expect(missingInChain('loop', () => loop)).toBeNull();
  });
});
