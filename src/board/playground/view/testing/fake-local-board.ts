/**
 * A small hand-written LocalBoard for the view's tests: items, tags, per-user selections and a
 * viewport, with `human` actions that change them and notify subscribers. It records every
 * `human` call so tests can check what the view asked for. No SDK (`connect` throws).
 */
import type {
  HumanActions,
  LocalBoard,
  LocalBoardState,
  LocalFrame,
  LocalItem,
  LocalStickyNote,
  LocalTag,
  StickyColor,
  Viewport,
} from '../../sdk/local-board-types';

export interface FakeLocalBoard extends LocalBoard {
  calls: { method: keyof HumanActions | 'setViewport'; args: unknown[] }[];
}

export function note(id: string, props: Partial<LocalStickyNote> = {}): LocalStickyNote {
  return {
    id,
    type: 'sticky_note',
    x: 0,
    y: 0,
    width: 200,
    height: 200,
    parentId: null,
    createdBy: 'u1',
    metadata: {},
    content: '',
    shape: 'square',
    fillColor: 'light_yellow',
    tagIds: [],
    ...props,
  };
}

export function frame(id: string, props: Partial<LocalFrame> = {}): LocalFrame {
  return {
    id,
    type: 'frame',
    x: 0,
    y: 0,
    width: 1000,
    height: 800,
    parentId: null,
    createdBy: 'u1',
    metadata: {},
    title: 'Frame',
    fillColor: '#ffffff',
    childrenIds: [],
    ...props,
  };
}

export function createFakeLocalBoard(
  init: { items?: LocalItem[]; tags?: LocalTag[]; viewport?: Viewport } = {},
): FakeLocalBoard {
  let items: LocalItem[] = [...(init.items ?? [])];
  let tags: LocalTag[] = [...(init.tags ?? [])];
  let viewport: Viewport = init.viewport ?? { x: -500, y: -400, width: 1000, height: 800 };
  const selections = new Map<string, string[]>();
  const listeners = new Set<() => void>();
  const calls: FakeLocalBoard['calls'] = [];
  let nextId = 1000;

  const emit = (): void => {
    for (const fn of [...listeners]) fn();
  };
  const find = (id: string): LocalItem => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`unknown id ${id}`);
    return item;
  };
  const replace = (id: string, patch: (item: LocalItem) => LocalItem): void => {
    items = items.map((i) => (i.id === id ? patch(i) : i));
  };
  const absoluteRect = (id: string): { x: number; y: number; width: number; height: number } => {
    const item = find(id);
    let x = item.x - item.width / 2;
    let y = item.y - item.height / 2;
    if (item.parentId !== null) {
      const parent = absoluteRect(item.parentId);
      x += parent.x;
      y += parent.y;
    }
    return { x, y, width: item.width, height: item.height };
  };

  const human: HumanActions = {
    addNote(props) {
      calls.push({ method: 'addNote', args: [props] });
      const created = note(`n${nextId++}`, {
        x: props.x,
        y: props.y,
        content: props.content ?? '',
        fillColor: props.color ?? 'light_yellow',
        createdBy: props.by,
      });
      items = [...items, created];
      emit();
      return created;
    },
    move(id, absX, absY) {
      calls.push({ method: 'move', args: [id, absX, absY] });
      const item = find(id);
      const parent = item.parentId === null ? null : absoluteRect(item.parentId);
      replace(id, (i) => ({ ...i, x: absX - (parent?.x ?? 0), y: absY - (parent?.y ?? 0) }));
      emit();
    },
    setText(id, content) {
      calls.push({ method: 'setText', args: [id, content] });
      replace(id, (i) => (i.type === 'sticky_note' ? { ...i, content } : i));
      emit();
    },
    setColor(id, color: StickyColor) {
      calls.push({ method: 'setColor', args: [id, color] });
      replace(id, (i) => (i.type === 'sticky_note' ? { ...i, fillColor: color } : i));
      emit();
    },
    toggleTag(id, tagId) {
      calls.push({ method: 'toggleTag', args: [id, tagId] });
      replace(id, (i) =>
        i.type === 'sticky_note'
          ? {
              ...i,
              tagIds: i.tagIds.includes(tagId)
                ? i.tagIds.filter((t) => t !== tagId)
                : [...i.tagIds, tagId],
            }
          : i,
      );
      emit();
    },
    createTag(title, color = 'red') {
      calls.push({ method: 'createTag', args: [title, color] });
      if (tags.some((t) => t.title === title)) throw new Error(`A tag titled "${title}" exists.`);
      const tag = { id: `t${nextId++}`, title, color };
      tags = [...tags, tag];
      emit();
      return tag;
    },
    remove(ids) {
      calls.push({ method: 'remove', args: [ids] });
      items = items.filter((i) => !ids.includes(i.id));
      for (const [user, sel] of selections)
        selections.set(
          user,
          sel.filter((s) => !ids.includes(s)),
        );
      emit();
    },
    select(ids, by) {
      calls.push({ method: 'select', args: [ids, by] });
      selections.set(by, [...ids]);
      emit();
    },
  };

  const state = (): LocalBoardState => ({
    version: 1,
    boardId: 'fake',
    boardName: 'Fake board',
    items,
    tags,
    collections: {},
    users: [],
    nextId,
  });

  return {
    calls,
    human,
    connect() {
      throw new Error('The fake board has no SDK.');
    },
    disconnect() {},
    onNotification: () => () => {},
    items: () => items,
    item: (id) => items.find((i) => i.id === id),
    tags: () => tags,
    selection: (userId) => selections.get(userId) ?? [],
    absoluteRect,
    viewport: () => viewport,
    setViewport(v) {
      calls.push({ method: 'setViewport', args: [v] });
      viewport = { ...v };
      emit();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    state,
    stats: () => ({ calls: 0, callsByMethod: {}, rateLimited: 0 }),
    resetStats() {},
    setLatency() {},
  };
}
