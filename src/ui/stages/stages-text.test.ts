import { describe, expect, it } from 'vitest';
import type { StagesMap } from './stages-tab-model';
import { countLine, mapLabel, notes, selectionLine, stageSplit, untaggedLine } from './stages-text';

const counts = (overrides: Partial<StagesMap>): StagesMap => ({
  id: 'm1',
  title: 'Map',
  stages: [],
  notesInMap: 5,
  undecided: 0,
  outsideFrame: 0,
  otherMapsNotes: 0,
  untaggedIds: [],
  untaggedInCells: 0,
  conflicts: [],
  ...overrides,
});

describe('stages text', () => {
  it('counts notes with their noun', () => {
    expect([0, 1, 2].map(notes)).toEqual(['0 notes', '1 note', '2 notes']);
  });

  it('says how the map’s count adds up, the loose and the other maps’ notes apart', () => {
    expect(countLine(counts({}))).toBe('5 in a stage.');
    expect(countLine(counts({ undecided: 2 }))).toBe('3 in a stage + 2 in no stage.');
    expect(countLine(counts({ outsideFrame: 1, otherMapsNotes: 1 }))).toBe(
      '5 in a stage. 1 note outside the frame carries this map’s stage tag. ' +
        '1 note in this frame is tagged for another map and counted there.',
    );
    expect(countLine(counts({ outsideFrame: 2, otherMapsNotes: 3 }))).toBe(
      '5 in a stage. 2 notes outside the frame carry this map’s stage tag. ' +
        '3 notes in this frame are tagged for another map and counted there.',
    );
  });

  it('says what is selected, or what to do first', () => {
    expect(selectionLine(0)).toBe('Select notes on the board to tag them with a stage.');
    expect(selectionLine(1)).toBe('1 note selected on the board.');
  });

  it('says where the untagged notes sit', () => {
    expect(untaggedLine({ untaggedIds: [], untaggedInCells: 0 })).toBe(
      'Every note in the map has a stage tag.',
    );
    expect(untaggedLine({ untaggedIds: ['a', 'b'], untaggedInCells: 2 })).toBe(
      '2 notes without a stage tag, each in a cell.',
    );
    expect(untaggedLine({ untaggedIds: ['a', 'b', 'c'], untaggedInCells: 1 })).toBe(
      '3 notes without a stage tag; 1 in a cell, the rest outside the grid.',
    );
  });

  it('splits a stage’s count by tag and by position', () => {
    expect(stageSplit({ byTag: 3, byPosition: 1 })).toBe('3 by tag, 1 by position');
  });

  it('names a map shortly in a button, untitled ones too', () => {
    expect(mapLabel('')).toBe('“Untitled map”');
    expect(mapLabel('Customer journey map')).toBe('“Customer jour…”');
  });
});
