import { describe, expect, it } from 'vitest';
import { deriveRenderEntries } from './render-entries';
import { presenceSelections, sameIds, summarizeSelection } from './selection-summary';
import { createFakeLocalBoard, frame, note } from './testing/fake-local-board';

const board = createFakeLocalBoard({
  items: [
    note('plain', { x: 100, y: 100, content: '<p>Call &amp; wait</p>' }),
    note('tagged', { x: 400, y: 100, tagIds: ['t1', 't2'], content: '' }),
    note('other', { x: 700, y: 100, tagIds: ['t1'], content: 'x'.repeat(300) }),
    frame('f1', { x: 0, y: 600, width: 300, height: 300 }),
  ],
  tags: [
    { id: 't1', title: 'Awareness', color: 'red' },
    { id: 't2', title: 'Pain', color: 'blue' },
  ],
});
const entries = new Map(deriveRenderEntries(board).map((e) => [e.id, e]));

describe('summarizeSelection', () => {
  it('lists the selected notes and counts their tags, leaving other items out', () => {
    const summary = summarizeSelection(['f1', 'tagged', 'other', 'gone'], entries);
    expect(summary.noteIds).toEqual(['tagged', 'other']);
    expect([...summary.tagCounts]).toEqual([
      ['t1', 2],
      ['t2', 1],
    ]);
  });

  it('announces the one selected note’s text and tags, or "empty"', () => {
    expect(summarizeSelection(['plain'], entries).announcement).toBe('Selected note: Call & wait');
    expect(summarizeSelection(['tagged'], entries).announcement).toBe(
      'Selected note: empty. Tags: Awareness, Pain',
    );
  });

  it('cuts a long note’s text at 200 characters', () => {
    const { announcement } = summarizeSelection(['other'], entries);
    expect(announcement).toBe(`Selected note: ${'x'.repeat(200)}. Tags: Awareness`);
  });

  it('counts anything else selected, and says nothing for no selection', () => {
    expect(summarizeSelection(['f1'], entries).announcement).toBe('1 selected');
    expect(summarizeSelection(['plain', 'tagged'], entries).announcement).toBe('2 selected');
    expect(summarizeSelection([], entries).announcement).toBe('');
  });

  it('names the sole selected item only when it is one note', () => {
    const sole = (selection: string[]) => summarizeSelection(selection, entries).soleNoteId;
    expect([sole(['plain']), sole(['f1']), sole(['plain', 'tagged']), sole([])]).toEqual([
      'plain',
      null,
      null,
      null,
    ]);
  });
});

describe('presenceSelections', () => {
  const users = [
    { id: 'me', name: 'Me' },
    { id: 'ann', name: 'Ann' },
    { id: 'bo', name: 'Bo' },
    { id: 'cy', name: 'Cy' },
  ];
  const selections: Record<string, string[]> = {
    me: ['plain'],
    ann: ['tagged', 'gone'],
    bo: ['gone'],
    cy: ['plain', 'f1'],
  };
  const others = presenceSelections(users, 'me', (id) => selections[id] ?? [], entries);

  it('draws the other participants’ drawn selections, not one’s own nor empty ones', () => {
    expect(others.map((o) => [o.userId, o.name, o.rects])).toEqual([
      ['ann', 'Ann', [entries.get('tagged')?.rect]],
      ['cy', 'Cy', [entries.get('plain')?.rect, entries.get('f1')?.rect]],
    ]);
  });

  it('colours each participant by their place in the users list', () => {
    expect(others.map((o) => o.color)).toEqual(['#f08c00', '#7048e8']);
  });
});

describe('sameIds', () => {
  it('is true only for the same ids in the same order', () => {
    expect(sameIds([], [])).toBe(true);
    expect(sameIds(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameIds(['a'], ['a', 'b'])).toBe(false);
    expect(sameIds(['a', 'b'], ['a'])).toBe(false);
    expect(sameIds([], ['a'])).toBe(false);
  });
});
