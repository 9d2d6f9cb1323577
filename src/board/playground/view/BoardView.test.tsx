// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalBoard } from '../sdk/local-board';
import type { LocalBoard, LocalStickyNote, LocalUser } from '../sdk/local-board-types';
import { cellAt, cellKey, layoutMap } from '../../../domain/journey/layout';
import type { MapSpec } from '../../../domain/journey/map-spec';
import { BoardView } from './BoardView';
import { createFakeLocalBoard, frame, note } from './testing/fake-local-board';

const users: LocalUser[] = [
  { id: 'u1', name: 'Ada Facilitator' },
  { id: 'u2', name: 'Ben Participant' },
];

afterEach(cleanup);

/**
 * The view has no layout in happy-dom, so it shows the board's viewport at 100 %: with the
 * default viewport a client point (cx, cy) is the board point (viewport.x + cx, viewport.y + cy).
 */
function setup(board: LocalBoard = createLocalBoard(), userId = 'u1') {
  const onUserChange = vi.fn();
  const view = render(
    <BoardView board={board} userId={userId} users={users} onUserChange={onUserChange} />,
  );
  const canvas = screen.getByTestId('board-canvas');
  const toClient = (x: number, y: number) => {
    const v = board.viewport();
    return { clientX: x - v.x, clientY: y - v.y };
  };
  return { board, view, canvas, onUserChange, toClient };
}

const noteEl = (id: string): Element => {
  const el = document.querySelector(`[data-testid="note"][data-id="${id}"]`);
  if (!el) throw new Error(`no note ${id} drawn`);
  return el;
};

/** A note's drawn text, its wrapped lines joined by spaces. */
const noteText = (id: string): string =>
  [...noteEl(id).querySelectorAll('.bv-note-text tspan')].map((t) => t.textContent).join(' ');

/** Press and release without moving: a click as the canvas sees it. */
function click(
  target: Element,
  init: { shiftKey?: boolean; clientX?: number; clientY?: number } = {},
) {
  const opts = { button: 0, pointerId: 1, clientX: 5, clientY: 5, ...init };
  fireEvent.pointerDown(target, opts);
  fireEvent.pointerUp(target, opts);
}

/** Changes made on the board outside the view (another participant, an app). */
function outside<T>(fn: () => T): T {
  let result: T | undefined;
  act(() => {
    result = fn();
  });
  return result as T;
}

function addNote(board: LocalBoard, x: number, y: number, content = ''): LocalStickyNote {
  return outside(() => board.human.addNote({ x, y, content, by: 'u1' }));
}

describe('BoardView drawing', () => {
  it('draws every note with its text as text', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'Open an account\nin minutes');
    expect(noteText(a.id)).toBe('Open an account in minutes');
    expect(screen.getAllByTestId('note')).toHaveLength(1);
  });

  it('shows markup typed into a note as literal text, never as HTML', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, '<img src=x onerror=alert(1)>');
    // Long words wrap anywhere, so compare without the line breaks.
    expect(noteText(a.id).replace(/\s/g, '')).toBe('<imgsrc=xonerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('drops real tags in stored content instead of creating elements', () => {
    const board = createFakeLocalBoard({
      items: [note('n1', { content: '<p>hi<img src=x onerror=alert(1)><script>x()</script></p>' })],
    });
    setup(board);
    expect(noteEl('n1').textContent).toContain('hi');
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('draws frames with their title, and tag chips on notes', () => {
    const { board } = setup();
    const tag = outside(() => board.human.createTag('Stage · Onboarding'));
    const a = addNote(board, 0, 0, 'KYC');
    outside(() => board.human.toggleTag(a.id, tag.id));
    expect(noteEl(a.id).querySelector('[data-testid="tag-chip"]')?.textContent).toBe(
      'Stage · Onboarding',
    );
    const f = createFakeLocalBoard({ items: [frame('f1', { title: 'Journey map' })] });
    cleanup();
    setup(f);
    expect(screen.getByTestId('frame').textContent).toContain('Journey map');
  });

  it('draws children of frames at their absolute position', () => {
    const board = createFakeLocalBoard({
      items: [
        frame('f1', { x: 300, y: 300, width: 400, height: 400 }),
        note('n1', { x: 100, y: 100, width: 100, height: 100, parentId: 'f1' }),
      ],
    });
    setup(board);
    const body = noteEl('n1').querySelector('.bv-note-body');
    // Frame top-left (100, 100) + child centre (100, 100) − half size (50).
    expect(body?.getAttribute('x')).toBe('150');
    expect(body?.getAttribute('y')).toBe('150');
  });

  it('leaves out items far outside the view, and draws them once the view gets there', () => {
    const board = createFakeLocalBoard({
      items: [note('near'), note('far', { x: 100_000, y: 100_000 })],
    });
    setup(board);
    expect(screen.getAllByTestId('note').map((n) => n.getAttribute('data-id'))).toEqual(['near']);
    outside(() => board.setViewport({ x: 99_500, y: 99_600, width: 1000, height: 800 }));
    expect(screen.getAllByTestId('note').map((n) => n.getAttribute('data-id'))).toEqual(['far']);
  });

  it('draws notes too small to read without their text', () => {
    const board = createFakeLocalBoard({
      items: [note('n1', { content: '<p>Readable</p>', width: 200, height: 200 })],
    });
    setup(board);
    expect(noteText('n1')).toBe('Readable');
    outside(() => board.setViewport({ x: -2000, y: -1600, width: 4000, height: 3200 }));
    expect(screen.getByTestId('zoom-reset').textContent).toBe('25%');
    expect(noteText('n1')).toBe('Readable');
    outside(() => board.setViewport({ x: -10_000, y: -8000, width: 20_000, height: 16_000 }));
    expect(screen.getByTestId('zoom-reset').textContent).toBe('5%');
    expect(noteText('n1')).toBe('');
  });

  it('simplifies small notes sooner when many notes are drawn', () => {
    const items = Array.from({ length: 320 }, (_, i) =>
      note(`n${i}`, { x: (i % 20) * 180, y: Math.floor(i / 20) * 180, content: `<p>${i}</p>` }),
    );
    const board = createFakeLocalBoard({ items });
    setup(board);
    outside(() => board.setViewport({ x: -200, y: -200, width: 4000, height: 3200 }));
    expect(screen.getByTestId('zoom-reset').textContent).toBe('25%');
    expect(noteText('n0')).toBe('');
  });

  it('redraws when the board changes', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'before');
    outside(() => board.human.setText(a.id, 'after'));
    expect(noteEl(a.id).textContent).toContain('after');
    outside(() => board.human.remove([a.id]));
    expect(screen.queryAllByTestId('note')).toHaveLength(0);
  });
});

describe('BoardView selection', () => {
  it('selects a clicked note, replacing the selection, with an outline', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    const b = addNote(board, 400, 0, 'b');
    click(noteEl(a.id));
    expect(board.selection('u1')).toEqual([a.id]);
    click(noteEl(b.id));
    expect(board.selection('u1')).toEqual([b.id]);
    expect(noteEl(b.id).querySelector('.bv-selection-outline')).not.toBeNull();
    expect(noteEl(a.id).querySelector('.bv-selection-outline')).toBeNull();
  });

  it('toggles a note in and out of the selection with shift-click', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    const b = addNote(board, 400, 0, 'b');
    click(noteEl(a.id));
    click(noteEl(b.id), { shiftKey: true });
    expect(board.selection('u1')).toEqual([a.id, b.id]);
    click(noteEl(a.id), { shiftKey: true });
    expect(board.selection('u1')).toEqual([b.id]);
  });

  it('keeps each participant’s selection apart', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    click(noteEl(a.id));
    expect(board.selection('u1')).toEqual([a.id]);
    expect(board.selection('u2')).toEqual([]);
  });

  it('selects the items wholly inside a box dragged on empty canvas', () => {
    const { board, canvas, toClient } = setup();
    const inside = addNote(board, 0, 0, 'in');
    const outside = addNote(board, 600, 0, 'out');
    fireEvent.pointerDown(canvas, { button: 0, pointerId: 1, ...toClient(-150, -150) });
    fireEvent.pointerMove(canvas, { pointerId: 1, ...toClient(0, 0) });
    expect(screen.getByTestId('select-box')).toBeTruthy();
    fireEvent.pointerMove(canvas, { pointerId: 1, ...toClient(150, 150) });
    fireEvent.pointerUp(canvas, { pointerId: 1, ...toClient(150, 150) });
    expect(board.selection('u1')).toEqual([inside.id]);
    expect(board.selection('u1')).not.toContain(outside.id);
    expect(screen.queryByTestId('select-box')).toBeNull();
  });

  it('clears the selection on a click on empty canvas and on Escape', () => {
    const { board, canvas } = setup();
    const a = addNote(board, 0, 0, 'a');
    click(noteEl(a.id));
    click(canvas, { clientX: 5, clientY: 5 });
    expect(board.selection('u1')).toEqual([]);
    click(noteEl(a.id));
    fireEvent.keyDown(canvas, { key: 'Escape' });
    expect(board.selection('u1')).toEqual([]);
  });
});

describe('BoardView editing', () => {
  it('deletes the selection with Delete', () => {
    const { board, canvas } = setup();
    const a = addNote(board, 0, 0, 'a');
    const b = addNote(board, 400, 0, 'b');
    click(noteEl(a.id));
    fireEvent.keyDown(canvas, { key: 'Delete' });
    expect(board.item(a.id)).toBeUndefined();
    expect(board.item(b.id)).toBeDefined();
    expect(screen.getAllByTestId('note')).toHaveLength(1);
  });

  it('edits a note on double-click and commits with Ctrl+Enter as escaped HTML', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'old');
    fireEvent.dblClick(noteEl(a.id));
    const editor = screen.getByTestId('note-editor') as HTMLTextAreaElement;
    expect(editor.value).toBe('old');
    fireEvent.input(editor, { target: { value: 'Fees <unclear> & hidden\nsecond line' } });
    fireEvent.keyDown(editor, { key: 'Enter', ctrlKey: true });
    expect(screen.queryByTestId('note-editor')).toBeNull();
    const stored = board.item(a.id);
    expect(stored?.type === 'sticky_note' && stored.content).toBe(
      '<p>Fees &lt;unclear&gt; &amp; hidden</p><p>second line</p>',
    );
    expect(noteText(a.id)).toBe('Fees <unclear> & hidden second line');
  });

  it('commits when the editor loses focus, and cancels on Escape', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'old');
    fireEvent.dblClick(noteEl(a.id));
    let editor = screen.getByTestId('note-editor') as HTMLTextAreaElement;
    fireEvent.input(editor, { target: { value: 'thrown away' } });
    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(screen.queryByTestId('note-editor')).toBeNull();
    const kept = board.item(a.id);
    expect(kept?.type === 'sticky_note' && kept.content).toBe('<p>old</p>');

    fireEvent.dblClick(noteEl(a.id));
    editor = screen.getByTestId('note-editor') as HTMLTextAreaElement;
    fireEvent.input(editor, { target: { value: 'kept' } });
    fireEvent.blur(editor);
    const saved = board.item(a.id);
    expect(saved?.type === 'sticky_note' && saved.content).toBe('<p>kept</p>');
  });

  it('does not rewrite a note whose text did not change', () => {
    const board = createFakeLocalBoard({ items: [note('n1', { content: '<p>same</p>' })] });
    setup(board);
    fireEvent.dblClick(noteEl('n1'));
    fireEvent.blur(screen.getByTestId('note-editor'));
    expect(board.calls.filter((c) => c.method === 'setText')).toEqual([]);
  });

  it('adds a note where empty canvas is double-clicked, in the chosen colour, and edits it', () => {
    const { board, canvas, toClient } = setup();
    fireEvent.click(screen.getByTestId('note-color'));
    fireEvent.click(screen.getByTestId('swatch-light_blue'));
    fireEvent.dblClick(canvas, toClient(300, 200));
    const notes = board.items().filter((i) => i.type === 'sticky_note');
    expect(notes).toHaveLength(1);
    const [added] = notes;
    expect(added).toMatchObject({ x: 300, y: 200, fillColor: 'light_blue', createdBy: 'u1' });
    expect(board.selection('u1')).toEqual([added?.id]);
    expect(screen.getByTestId('note-editor')).toBeTruthy();
  });

  it('adds a note where a map cell is double-clicked: in the map, in that cell’s stage and lane', async () => {
    const board = createLocalBoard();
    const sdk = board.connect(users[0]!);
    const spec: MapSpec = {
      id: 'm1',
      title: 'Journey',
      presetId: 'blank',
      persona: null,
      stages: [
        { id: 's1', name: 'Discover' },
        { id: 's2', name: 'Buy' },
      ],
      lanes: [
        { id: 'l1', name: 'Actions', kind: 'actions' },
        { id: 'l2', name: 'Pain points', kind: 'pain_points' },
      ],
    };
    // The map's frame and cells as the map use case lays them out (centre coordinates on Miro).
    const layout = layoutMap(spec, { x: 0, y: 0 });
    const f = layout.geometry.frame;
    const frameItem = await sdk.board.createFrame({
      title: spec.title,
      x: f.x + f.w / 2,
      y: f.y + f.h / 2,
      width: f.w,
      height: f.h,
    });
    const cells = new Map<string, string>();
    for (const item of layout.items.filter((i) => i.role === 'cell')) {
      const { x, y, w, h } = item.rect;
      const shape = await sdk.board.createShape({
        shape: 'rectangle',
        content: '',
        x: x + w / 2,
        y: y + h / 2,
        width: w,
        height: h,
        style: { fillColor: item.fill },
      });
      await frameItem.add(shape);
      cells.set(`${item.stageId}/${item.laneId}`, shape.id);
    }
    board.setViewport({ x: f.x, y: f.y, width: f.w, height: f.h });
    const { toClient } = setup(board);

    const target = layout.items.find((i) => i.key === cellKey('s2', 'l2'))!.rect;
    const point = { x: target.x + 120, y: target.y + target.h - 150 };
    const cell = document.querySelector(`[data-id="${cells.get('s2/l2')}"]`)!;
    fireEvent.dblClick(cell, toClient(point.x, point.y));

    const notes = board.items().filter((i) => i.type === 'sticky_note');
    expect(notes).toHaveLength(1);
    const added = notes[0]!;
    expect(added.parentId).toBe(frameItem.id);
    // Children of a frame are relative to its top-left.
    const centre = { x: f.x + added.x, y: f.y + added.y };
    expect(centre).toEqual(point);
    expect(cellAt(layout.geometry, centre)).toEqual({ stageId: 's2', laneId: 'l2' });
    expect(screen.getByTestId('note-editor')).toBeTruthy();
  });

  it('edits the note under a vote dot that is double-clicked, rather than adding one', async () => {
    const { board, toClient } = setup();
    addNote(board, 0, 0, 'voted');
    let dotId = '';
    await act(async () => {
      const dot = await board.connect(users[0]!).board.createShape({
        shape: 'circle',
        x: 20,
        y: 20,
        width: 24,
        height: 24,
      });
      dotId = dot.id;
    });
    fireEvent.dblClick(document.querySelector(`[data-id="${dotId}"]`)!, toClient(20, 20));
    expect(board.items().filter((i) => i.type === 'sticky_note')).toHaveLength(1);
    expect((screen.getByTestId('note-editor') as HTMLTextAreaElement).value).toBe('voted');
  });

  it('adds a note at the centre of the view from the toolbar', () => {
    const { board } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const v = board.viewport();
    expect(board.items()).toHaveLength(1);
    expect(board.items()[0]).toMatchObject({
      x: v.x + v.width / 2,
      y: v.y + v.height / 2,
    });
  });

  it('moves dragged notes once, on drop', () => {
    const board = createFakeLocalBoard({
      items: [note('n1', { x: 0, y: 0 }), note('n2', { x: 300, y: 0 })],
    });
    const { canvas } = setup(board);
    click(noteEl('n1'));
    click(noteEl('n2'), { shiftKey: true });
    fireEvent.pointerDown(noteEl('n1'), { button: 0, pointerId: 1, clientX: 10, clientY: 10 });
    for (let i = 1; i <= 20; i++) {
      fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 10 + i * 5, clientY: 10 + i * 2 });
    }
    expect(board.calls.filter((c) => c.method === 'move')).toEqual([]);
    expect(noteEl('n1').getAttribute('transform')).toBe('translate(100 40)');
    fireEvent.pointerUp(canvas, { pointerId: 1, clientX: 110, clientY: 50 });
    expect(board.calls.filter((c) => c.method === 'move').map((c) => c.args)).toEqual([
      ['n1', 100, 40],
      ['n2', 400, 40],
    ]);
    expect(noteEl('n1').getAttribute('transform')).toBeNull();
  });

  it('drags a frame by its title, moving the frame once and its children with it', () => {
    const board = createFakeLocalBoard({
      items: [
        frame('f1', { x: 0, y: 0, width: 400, height: 300, childrenIds: ['n1'] }),
        note('n1', { x: 100, y: 100, width: 100, height: 100, parentId: 'f1' }),
      ],
    });
    const { canvas } = setup(board);
    const title = screen.getByTestId('frame-title');
    fireEvent.pointerDown(title, { button: 0, pointerId: 1, clientX: 10, clientY: 10 });
    fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 40, clientY: 30 });
    // The child is drawn moving along with its frame during the drag.
    expect(noteEl('n1').getAttribute('transform')).toBe('translate(30 20)');
    fireEvent.pointerUp(canvas, { pointerId: 1, clientX: 40, clientY: 30 });
    expect(board.selection('u1')).toEqual(['f1']);
    expect(board.calls.filter((c) => c.method === 'move').map((c) => c.args)).toEqual([
      ['f1', 30, 20],
    ]);
  });

  it('drags a box from a frame’s body rather than moving the frame', () => {
    const board = createFakeLocalBoard({
      items: [
        frame('f1', { x: 0, y: 0, width: 800, height: 600 }),
        note('n1', { x: 0, y: 0, width: 100, height: 100, parentId: 'f1' }),
      ],
    });
    const { canvas, toClient } = setup(board);
    const body = document.querySelector('.bv-frame-body') as Element;
    fireEvent.pointerDown(body, { button: 0, pointerId: 1, ...toClient(-300, -250) });
    fireEvent.pointerMove(canvas, { pointerId: 1, ...toClient(-200, -200) });
    fireEvent.pointerUp(canvas, { pointerId: 1, ...toClient(-200, -200) });
    expect(board.calls.filter((c) => c.method === 'move')).toEqual([]);
    expect(board.selection('u1')).toEqual([]);
  });

  it('edits the selected note with Enter and adds a note with N', () => {
    const { board, canvas } = setup();
    const a = addNote(board, 0, 0, 'text');
    click(noteEl(a.id));
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect((screen.getByTestId('note-editor') as HTMLTextAreaElement).value).toBe('text');
    fireEvent.keyDown(screen.getByTestId('note-editor'), { key: 'Escape' });
    fireEvent.keyDown(canvas, { key: 'n' });
    expect(board.items()).toHaveLength(2);
  });

  it('walks the notes with ] and [, announcing the selected note', () => {
    const { board, canvas } = setup();
    const first = addNote(board, 0, 0, 'First');
    const second = addNote(board, 300, 0, 'Second');
    fireEvent.keyDown(canvas, { key: ']' });
    expect(board.selection('u1')).toEqual([first.id]);
    fireEvent.keyDown(canvas, { key: ']' });
    expect(board.selection('u1')).toEqual([second.id]);
    expect(screen.getByTestId('selection-status').textContent).toBe('Selected note: Second');
    fireEvent.keyDown(canvas, { key: '[' });
    expect(board.selection('u1')).toEqual([first.id]);
  });

  it('selects every note with Ctrl+A', () => {
    const board = createFakeLocalBoard({
      items: [note('n1'), note('n2', { x: 300 }), frame('f1', { x: 0, y: 2000 })],
    });
    const { canvas } = setup(board);
    fireEvent.keyDown(canvas, { key: 'a', ctrlKey: true });
    expect(board.selection('u1')).toEqual(['n1', 'n2']);
    expect(screen.getByTestId('selection-status').textContent).toBe('2 selected');
  });

  it('ignores canvas shortcuts while typing in the editor', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'text');
    click(noteEl(a.id));
    fireEvent.dblClick(noteEl(a.id));
    fireEvent.keyDown(screen.getByTestId('note-editor'), { key: 'Delete' });
    fireEvent.keyDown(screen.getByTestId('note-editor'), { key: 'ArrowLeft' });
    expect(board.item(a.id)).toMatchObject({ x: 0, y: 0 });
  });

  it('nudges the selection with the arrow keys, further with shift', () => {
    const { board, canvas } = setup();
    const a = addNote(board, 0, 0, 'a');
    click(noteEl(a.id));
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown', shiftKey: true });
    expect(board.item(a.id)).toMatchObject({ x: 10, y: 50 });
  });

  it('recolours the selected notes', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    click(noteEl(a.id));
    fireEvent.click(screen.getByTestId('selection-color'));
    fireEvent.click(screen.getByTestId('swatch-pink'));
    expect(board.item(a.id)).toMatchObject({ fillColor: 'pink' });
  });
});

describe('BoardView tags', () => {
  it('creates a tag for the selected notes and toggles existing tags', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    const b = addNote(board, 400, 0, 'b');
    click(noteEl(a.id));
    click(noteEl(b.id), { shiftKey: true });
    fireEvent.click(screen.getByTestId('selection-tags'));
    fireEvent.input(screen.getByTestId('new-tag-input'), {
      target: { value: 'Stage · Awareness' },
    });
    fireEvent.click(screen.getByTestId('new-tag-add'));
    const [tag] = board.tags();
    expect(tag?.title).toBe('Stage · Awareness');
    expect(board.item(a.id)).toMatchObject({ tagIds: [tag?.id] });
    expect(board.item(b.id)).toMatchObject({ tagIds: [tag?.id] });
    const toggle = screen.getByTestId('tag-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(board.item(a.id)).toMatchObject({ tagIds: [] });
    expect(board.item(b.id)).toMatchObject({ tagIds: [] });
  });

  it('shows the board’s refusal when a note already has 8 tags', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    outside(() => {
      for (let i = 0; i < 8; i++) board.human.toggleTag(a.id, board.human.createTag(`t${i}`).id);
      board.human.createTag('ninth');
    });
    click(noteEl(a.id));
    fireEvent.click(screen.getByTestId('selection-tags'));
    const ninth = screen
      .getAllByTestId('tag-toggle')
      .find((el) => el.textContent?.includes('ninth'));
    fireEvent.click(ninth as Element);
    expect(screen.getByRole('alert').textContent).toMatch(/8 tags/);
  });
});

describe('BoardView viewport and participants', () => {
  it('follows a viewport set on the board (zoomTo)', () => {
    const { board } = setup();
    expect(screen.getByTestId('zoom-reset').textContent).toBe('100%');
    const v = board.viewport();
    outside(() => board.setViewport({ x: 0, y: 0, width: v.width * 2, height: v.height * 2 }));
    expect(screen.getByTestId('zoom-reset').textContent).toBe('50%');
  });

  it('zooms with the buttons and the keyboard, around the view centre', () => {
    const { board, canvas } = setup();
    const before = board.viewport();
    fireEvent.click(screen.getByTestId('zoom-in'));
    const after = board.viewport();
    expect(after.width).toBeCloseTo(before.width / 1.25);
    expect(after.x + after.width / 2).toBeCloseTo(before.x + before.width / 2);
    fireEvent.keyDown(canvas, { key: '-' });
    expect(board.viewport().width).toBeCloseTo(before.width);
  });

  it('zooms to fit every item', () => {
    const board = createFakeLocalBoard({
      items: [note('a', { x: -2000, y: 0 }), note('b', { x: 2000, y: 0 })],
    });
    setup(board);
    fireEvent.click(screen.getByTestId('zoom-fit'));
    const v = board.viewport();
    expect(v.x).toBeLessThanOrEqual(-2100);
    expect(v.x + v.width).toBeGreaterThanOrEqual(2100);
  });

  it('zooms around the cursor with ctrl+wheel and pans with the wheel', () => {
    const { board, canvas } = setup();
    const v0 = board.viewport();
    fireEvent.wheel(canvas, { deltaX: 30, deltaY: 40 });
    const v1 = board.viewport();
    expect(v1.x - v0.x).toBeCloseTo(30);
    expect(v1.y - v0.y).toBeCloseTo(40);
    // happy-dom's WheelEvent drops mouse fields from its init, so set them by hand.
    const pinch = new WheelEvent('wheel', { deltaY: -50, bubbles: true });
    for (const [key, value] of Object.entries({ ctrlKey: true, clientX: 0, clientY: 0 })) {
      Object.defineProperty(pinch, key, { value });
    }
    fireEvent(canvas, pinch);
    const v2 = board.viewport();
    expect(v2.width).toBeLessThan(v1.width);
    // The board point under the cursor (the top-left corner here) stays put.
    expect(v2.x).toBeCloseTo(v1.x);
    expect(v2.y).toBeCloseTo(v1.y);
  });

  it('pans with a right-button drag, telling the board once, on release', () => {
    const board = createFakeLocalBoard();
    const { canvas } = setup(board);
    fireEvent.pointerDown(canvas, { button: 2, pointerId: 3, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(canvas, { pointerId: 3, clientX: 150, clientY: 80 });
    fireEvent.pointerMove(canvas, { pointerId: 3, clientX: 160, clientY: 70 });
    expect(board.calls.filter((c) => c.method === 'setViewport')).toEqual([]);
    fireEvent.pointerUp(canvas, { pointerId: 3, clientX: 160, clientY: 70 });
    expect(board.viewport()).toMatchObject({ x: -560, y: -370 });
    expect(board.calls.filter((c) => c.method === 'setViewport')).toHaveLength(1);
  });

  it('pans with one finger and zooms with a two-finger pinch', () => {
    const board = createFakeLocalBoard();
    const { canvas } = setup(board);
    const touch = (id: number, clientX: number, clientY: number) => ({
      pointerId: id,
      pointerType: 'touch',
      button: 0,
      clientX,
      clientY,
    });
    fireEvent.pointerDown(canvas, touch(1, 100, 100));
    fireEvent.pointerMove(canvas, touch(1, 120, 100));
    fireEvent.pointerUp(canvas, touch(1, 120, 100));
    expect(board.viewport()).toMatchObject({ x: -520, y: -400, width: 1000 });

    fireEvent.pointerDown(canvas, touch(2, 100, 100));
    fireEvent.pointerDown(canvas, touch(3, 200, 100));
    fireEvent.pointerMove(canvas, touch(3, 300, 100));
    fireEvent.pointerUp(canvas, touch(3, 300, 100));
    fireEvent.pointerUp(canvas, touch(2, 100, 100));
    // Fingers twice as far apart: 200 %, around their midpoint.
    expect(screen.getByTestId('zoom-reset').textContent).toBe('200%');
    expect(board.viewport().width).toBeCloseTo(500);
  });

  it('shows the acting participant and switches participants', () => {
    const { onUserChange } = setup();
    const select = screen.getByLabelText('Acting as participant') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe('Ada Facilitator');
    fireEvent.change(select, { target: { value: 'u2' } });
    expect(onUserChange).toHaveBeenCalledWith('u2');
  });

  it('selects for the participant it acts as', () => {
    const board = createLocalBoard();
    const a = addNote(board, 0, 0, 'a');
    setup(board, 'u2');
    click(noteEl(a.id));
    expect(board.selection('u2')).toEqual([a.id]);
    expect(board.selection('u1')).toEqual([]);
  });

  it('shows what the other participants have selected, with their names', () => {
    const { board } = setup();
    const a = addNote(board, 0, 0, 'a');
    outside(() => board.human.select([a.id], 'u2'));
    const outline = screen.getByTestId('presence-outline');
    expect(outline.getAttribute('data-user-id')).toBe('u2');
    expect(outline.textContent).toBe('Ben Participant');
    // Not drawn as the acting participant's own selection.
    expect(noteEl(a.id).querySelector('.bv-selection-outline')).toBeNull();
  });

  it('labels the canvas for assistive technology and every toolbar button', () => {
    const { canvas } = setup();
    expect(canvas.getAttribute('role')).toBe('application');
    expect(canvas.getAttribute('aria-label')).toMatch(/Board/);
    for (const button of screen.getAllByRole('button')) {
      expect(button.getAttribute('aria-label')).toBeTruthy();
    }
  });
});
