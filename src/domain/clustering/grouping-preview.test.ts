import { describe, expect, it } from 'vitest';
import {
  dissolveGroup,
  mergeGroups,
  moveNote,
  pinGroup,
  renameGroup,
  splitGroup,
  toPreview,
  unpinGroup,
} from './grouping-preview';

const base = () =>
  toPreview([
    { id: 'a', label: 'cards', keywords: ['card'], noteIds: ['1', '2', '3'] },
    { id: 'u', label: 'Unsorted', keywords: [], noteIds: ['9'], unsorted: true },
    { id: 'b', label: 'fees', keywords: ['fee'], noteIds: ['4', '5'] },
  ]);

describe('grouping preview', () => {
  it('keeps Unsorted last and never changes the preview it was given', () => {
    const p = base();
    expect(p.groups.map((g) => g.id)).toEqual(['a', 'b', 'u']);
    const frozen = JSON.stringify(p);
    renameGroup(p, 'a', 'Card delivery');
    mergeGroups(p, 'a', 'b');
    dissolveGroup(p, 'a');
    expect(JSON.stringify(p)).toBe(frozen);
  });

  it('renames (trimmed; blank names and Unsorted refused)', () => {
    const p = renameGroup(base(), 'a', '  Card   delivery ');
    expect(p.groups[0]!.label).toBe('Card delivery');
    expect(renameGroup(p, 'a', '   ')).toBe(p);
    expect(renameGroup(p, 'u', 'x')).toBe(p);
  });

  it('merges two groups and moves a note; emptied groups disappear', () => {
    const merged = mergeGroups(base(), 'a', 'b');
    expect(merged.groups.map((g) => [g.id, g.noteIds])).toEqual([
      ['a', ['1', '2', '3', '4', '5']],
      ['u', ['9']],
    ]);
    let p = moveNote(base(), '4', 'a');
    p = moveNote(p, '5', 'u');
    expect(p.groups.map((g) => g.id)).toEqual(['a', 'u']);
    expect(p.groups.find((g) => g.id === 'u')!.noteIds).toContain('5');
  });

  it('dissolves a group into Unsorted, making one when there is none', () => {
    const p = dissolveGroup(base(), 'b');
    expect(p.groups.at(-1)!.noteIds).toEqual(['9', '4', '5']);
    const none = toPreview([{ id: 'a', label: 'x', keywords: [], noteIds: ['1'] }]);
    expect(dissolveGroup(none, 'a').groups).toEqual([
      expect.objectContaining({ unsorted: true, noteIds: ['1'], label: 'Unsorted' }),
    ]);
  });

  it('splits into unique ids, keeping notes the split left out together', () => {
    const p = splitGroup(base(), 'a', [
      { id: 'g1', label: 'x', keywords: [], noteIds: ['1'] },
      { id: 'g2', label: 'y', keywords: [], noteIds: ['2'] },
    ]);
    expect(p.groups.map((g) => [g.id, g.noteIds])).toEqual([
      ['a.1', ['1']],
      ['a.2', ['2']],
      ['a.3', ['3']],
      ['b', ['4', '5']],
      ['u', ['9']],
    ]);
  });

  it('pins a group under a unique name, renaming follows, unpinning drops the pins', () => {
    let p = pinGroup(base(), 'a');
    expect(p.pinned).toEqual({ '1': 'cards', '2': 'cards', '3': 'cards' });
    p = renameGroup(p, 'a', 'Ours');
    expect(p.pinned['2']).toBe('Ours');
    p = renameGroup(p, 'b', 'Ours');
    p = pinGroup(p, 'b');
    expect(p.pinned['4']).toBe('Ours (2)');
    p = unpinGroup(p, 'a');
    expect(Object.keys(p.pinned).sort()).toEqual(['4', '5']);
  });
});
