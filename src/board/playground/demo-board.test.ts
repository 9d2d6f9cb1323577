import { describe, expect, it } from 'vitest';
import { isStickyNote } from '../miro/sdk';
import { createDemoBoardState, DEMO_USERS } from './demo-board';
import { STICKY_COLORS } from './sdk/limits';
import { createLocalBoard } from './sdk/local-board';
import type { LocalStickyNote } from './sdk/local-board-types';

const state = createDemoBoardState();
const notes = state.items.filter((i): i is LocalStickyNote => i.type === 'sticky_note');

describe('createDemoBoardState', () => {
  // The map and its notes are seeded through the map use case (app/demo/seed-demo-workshop.test.ts
  // checks the whole board); this state is the loose workshop around it.
  it('holds the loose workshop: sticky notes with valid colours and content', () => {
    expect(notes.length).toBeGreaterThanOrEqual(35);
    for (const n of notes) {
      expect(STICKY_COLORS).toContain(n.fillColor);
      expect(n.content).toMatch(/^<p>.+<\/p>$/);
      expect(n.content.length).toBeLessThan(6000);
    }
    expect(new Set(notes.map((n) => n.content)).size).toBe(notes.length);
  });

  it('has loose notes, some tagged, within the limits', () => {
    expect(state.items.some((i) => i.type === 'frame')).toBe(false);
    expect(notes.every((n) => n.parentId === null)).toBe(true);
    const tagIds = new Set(state.tags.map((t) => t.id));
    expect(notes.filter((n) => n.tagIds.length > 0).length).toBeGreaterThanOrEqual(8);
    for (const n of notes) {
      expect(n.tagIds.length).toBeLessThanOrEqual(8);
      for (const id of n.tagIds) expect(tagIds.has(id)).toBe(true);
    }
  });

  it('uses unique, valid tag titles including the stage tags', () => {
    const titles = state.tags.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual(expect.arrayContaining(['Stage · Awareness', 'Stage · Onboarding']));
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(120);
  });

  it('repeats pain-point themes for clustering to find', () => {
    const text = notes.map((n) => n.content.toLowerCase());
    const count = (word: string) => text.filter((t) => t.includes(word)).length;
    expect(count('selfie')).toBeGreaterThanOrEqual(4);
    expect(count('card')).toBeGreaterThanOrEqual(6);
    expect(count('fee')).toBeGreaterThanOrEqual(3);
    expect(count('support')).toBeGreaterThanOrEqual(3);
  });

  it('has dot-voting stickers and an unsupported stamp, and several authors', () => {
    const dots = state.items.filter(
      (i) => i.type === 'shape' && i.shape === 'circle' && i.width <= 30,
    );
    expect(dots.length).toBeGreaterThanOrEqual(5);
    expect(state.items.some((i) => i.type === 'stamp')).toBe(true);
    expect(state.users).toEqual(DEMO_USERS);
    expect(new Set(notes.map((n) => n.createdBy)).size).toBe(DEMO_USERS.length);
  });

  it('is deterministic and its ids are unique and below nextId', () => {
    expect(createDemoBoardState()).toEqual(state);
    const ids = [...state.items.map((i) => i.id), ...state.tags.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const issued = ids.map((id) => Number(id.slice(7)));
    expect(Math.max(...issued)).toBeLessThan(state.nextId);
  });

  it('loads into the local board and reads back through the SDK', async () => {
    const board = createLocalBoard({ state });
    const sdk = board.connect({ id: 'u-alex', name: 'Alex (facilitator)' }).board;
    const read = await sdk.get({ type: 'sticky_note' });
    expect(read.filter(isStickyNote)).toHaveLength(notes.length);
    const tagged = await sdk.get({ tags: 'Stage · Onboarding' });
    expect(tagged.length).toBeGreaterThan(0);
    const added = await sdk.createStickyNote({ content: 'new' });
    expect(state.items.some((i) => i.id === added.id)).toBe(false);
  });
});
