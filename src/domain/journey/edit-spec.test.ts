import { describe, expect, it } from 'vitest';
import {
  addLane,
  addStage,
  moveLane,
  moveStage,
  normalizeSpec,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  setPersona,
  setTitle,
} from './edit-spec';
import type { MapSpec } from './map-spec';

const spec: MapSpec = {
  id: 'm1',
  title: 'Map',
  presetId: 'blank',
  persona: null,
  stages: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
  lanes: [{ id: 'x', name: 'X', kind: 'other' }],
};
const names = (s: MapSpec) => s.stages.map((st) => st.name).join('');

describe('edit-spec', () => {
  it('adds a stage at the end or at an index, without touching the input', () => {
    expect(names(addStage(spec, { id: 'd', name: 'D' }))).toBe('ABCD');
    expect(names(addStage(spec, { id: 'd', name: 'D' }, 1))).toBe('ADBC');
    expect(names(addStage(spec, { id: 'd', name: 'D' }, -5))).toBe('DABC');
    expect(names(spec)).toBe('ABC');
  });

  it('renames, moves and removes stages by id', () => {
    expect(names(renameStage(spec, 'b', 'Q'))).toBe('AQC');
    expect(renameStage(spec, 'b', 'Q').stages[1]?.id).toBe('b');
    expect(names(moveStage(spec, 'a', 2))).toBe('BCA');
    expect(names(moveStage(spec, 'c', 0))).toBe('CAB');
    expect(names(moveStage(spec, 'zz', 0))).toBe('ABC');
    expect(names(removeStage(spec, 'b'))).toBe('AC');
  });

  it('edits lanes', () => {
    const two = addLane(spec, { id: 'y', name: 'Y', kind: 'emotions' });
    expect(two.lanes.map((l) => l.id)).toEqual(['x', 'y']);
    expect(moveLane(two, 'y', 0).lanes.map((l) => l.id)).toEqual(['y', 'x']);
    expect(renameLane(two, 'x', 'Doing').lanes[0]?.name).toBe('Doing');
    expect(removeLane(two, 'x').lanes.map((l) => l.id)).toEqual(['y']);
  });

  it('sets title and persona, and normalizes whitespace', () => {
    const edited = setPersona(setTitle(spec, '  Onboarding  '), {
      name: ' Alex ',
      summary: ' New ',
    });
    expect(edited.title).toBe('  Onboarding  ');
    const clean = normalizeSpec(renameStage(edited, 'a', '  Aware '));
    expect(clean.title).toBe('Onboarding');
    expect(clean.persona).toEqual({ name: 'Alex', summary: 'New' });
    expect(clean.stages[0]?.name).toBe('Aware');
    expect(setPersona(spec, null).persona).toBeNull();
  });
});
