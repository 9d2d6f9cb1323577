import { describe, expect, it } from 'vitest';
import type { NamedGroup, VoteContext } from '../../app/voting/vote-items';
import { firstGroupOf, groupChoice, targetChoices } from './round-target';

const group = (id: string, mapId = 'm1'): NamedGroup => ({
  id,
  name: id.toUpperCase(),
  notes: 2,
  mapId,
  mapName: mapId,
});
const map = (id: string) => ({ ...group(id, id), noteIds: [] });
const board: VoteContext = {
  notes: [],
  clusters: null,
  mapNoteIds: ['n1', 'n2', 'n3', 'n4'],
  hasMap: false,
  maps: [],
  stages: [],
  lanes: [],
};
const twoMaps: VoteContext = {
  ...board,
  hasMap: true,
  maps: [map('m1'), map('m2')],
  stages: [group('s1', 'm1'), group('s2', 'm2'), group('s3', 'm1')],
  lanes: [group('l1', 'm2')],
};

describe('what a new round may vote on', () => {
  it('offers the whole board, the selection, and stages, lanes and clusters where there are some', () => {
    expect(targetChoices(board, 2)).toEqual([
      { id: 'map', label: 'Whole board (4 notes)' },
      { id: 'selection', label: 'Selected notes (2)' },
    ]);
    const oneMap = { ...board, maps: [{ ...map('m1'), notes: 3 }], stages: [group('s1')] };
    expect(targetChoices({ ...oneMap, clusters: [] }, 0).map((t) => t.label)).toEqual([
      'Whole map (3 notes)',
      'Selected notes (0)',
      'One stage',
      'Clusters (0)',
    ]);
    expect(targetChoices(twoMaps, 1).map((t) => t.label)).toEqual([
      'Whole map',
      'Selected notes (1)',
      'One stage',
      'One lane',
    ]);
  });

  it('asks for a stage or a lane, grouped by map where there are several, or for one of several maps', () => {
    expect(groupChoice(twoMaps, 'stage')).toEqual({
      label: 'Stage',
      groups: twoMaps.stages,
      byMap: [
        { map: twoMaps.maps[0], items: [twoMaps.stages[0], twoMaps.stages[2]] },
        { map: twoMaps.maps[1], items: [twoMaps.stages[1]] },
      ],
    });
    expect(groupChoice(twoMaps, 'lane')?.label).toBe('Lane');
    expect(groupChoice(twoMaps, 'map')).toEqual({
      label: 'Map',
      groups: twoMaps.maps,
      byMap: null,
    });
    const oneMap = { ...twoMaps, maps: [map('m1')] };
    expect(groupChoice(oneMap, 'stage')).toMatchObject({ label: 'Stage', byMap: null });
    expect(groupChoice(oneMap, 'map')).toBeNull();
    expect(groupChoice(twoMaps, 'selection')).toBeNull();
    expect(groupChoice(twoMaps, 'clusters')).toBeNull();
  });

  it('starts a kind of target on its first stage, lane or map, else on none', () => {
    expect(firstGroupOf(twoMaps, 'stage')).toBe('s1');
    expect(firstGroupOf(twoMaps, 'lane')).toBe('l1');
    expect(firstGroupOf(twoMaps, 'map')).toBe('m1');
    expect(firstGroupOf(twoMaps, 'selection')).toBe('');
    expect(firstGroupOf(board, 'stage')).toBe('');
  });
});
