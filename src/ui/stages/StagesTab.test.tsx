import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workshop } from '../../app/workshop';
import { contrastRatio } from '../../domain/board/colors';
import { stageChipFill } from '../../domain/journey/stage-tag-colors';
import { StagesTab } from './StagesTab';
import type { TabMessage } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import type {
  StagesConnection,
  StagesMap,
  StagesSnapshot,
  StagesUseCases,
  UndoInfo,
} from './stages-tab-model';

const workshop = {
  info: { id: 'b1', name: 'Board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'playground',
} as unknown as Workshop;

const stage = (id: string, name: string, count = 0, byPosition = 0) => ({
  id,
  name,
  count,
  byTag: count - byPosition,
  byPosition,
});

const journeyMap = (overrides: Partial<StagesMap> = {}): StagesMap => ({
  id: 'm1',
  title: 'Customer journey map',
  stages: [stage('s1', 'Awareness', 2), stage('s2', 'Purchase', 1, 1)],
  notesInMap: 3,
  undecided: 0,
  outsideFrame: 0,
  otherMapsNotes: 0,
  untaggedIds: ['n3'],
  untaggedInCells: 1,
  conflicts: [],
  ...overrides,
});

/** A hand-written fake: the test pushes snapshots as the board would. */
function fakeStages(first: StagesSnapshot, undo: UndoInfo = { available: false, reason: null }) {
  let listener: ((s: StagesSnapshot) => void) | null = null;
  let undoInfo = undo;
  let jobHooks: JobHooks | null = null;
  let finishJob: (() => void) | null = null;
  const connection: StagesConnection = {
    subscribe(fn) {
      listener = fn;
      fn(first);
      return () => {
        listener = null;
      };
    },
    tagSelection: vi.fn(async () => ({ tone: 'success' as const, title: 'Tagged 2 notes.' })),
    fixConflict: vi.fn(async () => ({ tone: 'success' as const, title: 'Conflict settled.' })),
    selectNotes: vi.fn(async () => undefined),
    tagByPosition: vi.fn(
      (_mapId: string, hooks: JobHooks) =>
        new Promise<TabMessage>((resolve) => {
          jobHooks = hooks;
          finishJob = () => {
            undoInfo = { available: true, notes: 1, at: 0 };
            resolve({ tone: 'success' as const, title: 'Tagged 1 note by position.' });
          };
        }),
    ),
    undoStatus: vi.fn(async () => undoInfo),
    undoTagByPosition: vi.fn(async () => {
      undoInfo = { available: false, reason: null };
      return { tone: 'success' as const, title: 'Restored the tags of 1 note.' };
    }),
    close: vi.fn(),
  };
  const useCases: StagesUseCases = { open: vi.fn(() => connection) };
  return {
    useCases,
    connection,
    push: (s: StagesSnapshot) => act(() => listener?.(s)),
    progress: (done: number, total: number) => act(() => jobHooks?.onProgress(done, total)),
    finish: () => act(() => finishJob?.()),
  };
}

const ready = (maps: StagesMap[], selectedNotes = 0): StagesSnapshot => ({
  status: 'ready',
  maps,
  selectedNotes,
});

afterEach(cleanup);

/** A CSS colour as the DOM gives it back (`rgb(…)` or `#…`) → `#rrggbb`. */
const hex = (css: string): string => {
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (!rgb) return css.toLowerCase();
  return `#${rgb
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
};

describe('StagesTab', () => {
  it('asks for a map first when the board has none', () => {
    const fake = fakeStages(ready([]));
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByText('Create a map in the Map tab first')).toBeTruthy();
  });

  it('shows a spinner while reading, and the error when the board cannot be read', async () => {
    const fake = fakeStages({ status: 'loading' });
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByText('Reading the board…')).toBeTruthy();
    await fake.push({ status: 'error', message: 'Rate limit reached.' });
    expect(screen.getByRole('alert').textContent).toContain('Rate limit reached.');
  });

  it('counts per stage and tags the selection once notes are selected, live', async () => {
    const fake = fakeStages(ready([journeyMap()]));
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByText('2 notes')).toBeTruthy();
    expect(screen.getByText('1 note · 1 untagged')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Tag selection as Purchase' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Select notes on the board to tag them with a stage.')).toBeTruthy();

    await fake.push(ready([journeyMap()], 2));
    expect(screen.getByText('2 notes selected on the board.')).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(button);
    expect(await screen.findByText('Tagged 2 notes.')).toBeTruthy();
    expect(fake.connection.tagSelection).toHaveBeenCalledWith('m1', 's2');

    // Someone moves and tags notes: the counts follow without any button.
    await fake.push(
      ready([journeyMap({ stages: [stage('s1', 'Awareness', 0), stage('s2', 'Purchase', 3)] })]),
    );
    expect(screen.getByText('3 notes')).toBeTruthy();
  });

  it('shows each stage as a chip in its own readable colour', () => {
    const fake = fakeStages(
      ready([journeyMap({ stages: ['A', 'B', 'C', 'D'].map((n) => stage(n, `Stage ${n}`)) })]),
    );
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    const chips = screen.getAllByTestId('stage-chip') as HTMLElement[];
    expect(chips.map((c) => c.textContent)).toEqual(['Stage A', 'Stage B', 'Stage C', 'Stage D']);
    const fills = chips.map((c) => c.style.background);
    expect(new Set(fills).size).toBe(4);
    chips.forEach((chip, i) => {
      expect(hex(chip.style.background)).toBe(stageChipFill(i));
      expect(
        contrastRatio(hex(chip.style.background), hex(chip.style.color)),
      ).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('shows how the map’s count adds up, with loose tagged notes and other maps’ notes apart', () => {
    const fake = fakeStages(
      ready([journeyMap({ notesInMap: 4, undecided: 1, outsideFrame: 1, otherMapsNotes: 2 })]),
    );
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByTestId('tp-stages-sum').textContent).toBe(
      '3 in a stage + 1 in no stage. 1 note outside the frame carries this map’s stage tag. ' +
        '2 notes in this frame are tagged for another map and counted there.',
    );
  });

  it('tags by position with progress and cancel, then offers undo', async () => {
    const fake = fakeStages(ready([journeyMap()]));
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByText('1 note without a stage tag, each in a cell.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Select them' }));
    await waitFor(() => expect(fake.connection.selectNotes).toHaveBeenCalledWith(['n3']));

    fireEvent.click(screen.getByRole('button', { name: 'Tag by position' }));
    await fake.progress(1, 2);
    const bar = screen.getByRole('progressbar', { name: 'Tagging by position' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Tag selection as Awareness' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    await fake.finish();
    expect(await screen.findByText('Tagged 1 note by position.')).toBeTruthy();
    // The undo names its map, and asks for that map's undo only.
    const undo = await screen.findByRole('button', {
      name: 'Undo tag by position in “Customer jour…” (1 note)',
    });
    expect(fake.connection.undoStatus).toHaveBeenLastCalledWith('m1');
    fireEvent.click(undo);
    await waitFor(() =>
      expect(fake.connection.undoTagByPosition).toHaveBeenCalledWith('m1', expect.anything()),
    );
    expect(await screen.findByText('Restored the tags of 1 note.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Undo tag by position/ })).toBeNull(),
    );
  });

  it('cancel aborts the running batch', async () => {
    const fake = fakeStages(ready([journeyMap()]));
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tag by position' }));
    await fake.progress(0, 3);
    const hooks = vi.mocked(fake.connection.tagByPosition).mock.calls[0]![1];
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(hooks.signal.aborted).toBe(true);
  });

  it('says why undo is not offered without storage', async () => {
    const fake = fakeStages(ready([journeyMap()]), {
      available: false,
      reason: 'This browser is in private mode.',
    });
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(
      await screen.findByText('Undo is not offered: This browser is in private mode.'),
    ).toBeTruthy();
  });

  it('lists conflicts with one-click fixes, as text', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const fake = fakeStages(
      ready([
        journeyMap({
          conflicts: [
            {
              noteId: 'n1',
              text: hostile,
              kind: 'tag-disagrees-with-position',
              tagStages: [{ id: 's1', name: 'Awareness' }],
              positionStage: { id: 's2', name: 'Purchase' },
            },
            {
              noteId: 'n2',
              text: 'Two tags',
              kind: 'multiple-stage-tags',
              tagStages: [
                { id: 's1', name: 'Awareness' },
                { id: 's2', name: 'Purchase' },
              ],
              positionStage: { id: 's2', name: 'Purchase' },
            },
          ],
        }),
      ]),
    );
    const { container } = render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(`“${hostile}”`)).toBeTruthy();
    expect(screen.getByText('Tagged Awareness, sits in Purchase.')).toBeTruthy();

    fireEvent.click(
      screen.getByRole('button', { name: `Use the position Purchase for “${hostile}”` }),
    );
    await waitFor(() =>
      expect(fake.connection.fixConflict).toHaveBeenCalledWith('m1', 'n1', { use: 'position' }),
    );
    await screen.findByText('Conflict settled.');
    fireEvent.click(screen.getByRole('button', { name: `Use the tag Awareness for “${hostile}”` }));
    await waitFor(() =>
      expect(fake.connection.fixConflict).toHaveBeenLastCalledWith('m1', 'n1', {
        use: 'tag',
        stageId: 's1',
      }),
    );
    await screen.findByText('Conflict settled.');
    // Two tags, one of them the cell's: keeping either is the fix; no separate "use the position".
    expect(screen.getByRole('button', { name: 'Keep Purchase for “Two tags”' })).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: /^Use the position Purchase for “Two tags”/ }),
    ).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Select these on the board' }));
    await waitFor(() => expect(fake.connection.selectNotes).toHaveBeenCalledWith(['n1', 'n2']));
  });

  it('keeps button names short for a long note', () => {
    const long = 'x'.repeat(500);
    const fake = fakeStages(
      ready([
        journeyMap({
          conflicts: [
            {
              noteId: 'n1',
              text: long,
              kind: 'tag-disagrees-with-position',
              tagStages: [{ id: 's1', name: 'Awareness' }],
              positionStage: { id: 's2', name: 'Purchase' },
            },
          ],
        }),
      ]),
    );
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    const name = screen
      .getByRole('button', { name: /^Use the tag Awareness for/ })
      .getAttribute('aria-label')!;
    expect(name).toBe(`Use the tag Awareness for “${'x'.repeat(57)}…”`);
    expect(screen.getByText(`“${long}”`)).toBeTruthy();
  });

  it('picks among several maps', async () => {
    const second = journeyMap({
      id: 'm2',
      title: 'Service blueprint',
      stages: [stage('t1', 'Arrive', 4)],
    });
    const fake = fakeStages(ready([journeyMap(), second], 1));
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    const picker = screen.getByLabelText('Map') as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'm2' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Tag selection as Arrive' }));
    await waitFor(() => expect(fake.connection.tagSelection).toHaveBeenCalledWith('m2', 't1'));
  });

  it('shows the undo of the map chosen, not a late failure of the map shown before', async () => {
    const second = journeyMap({ id: 'm2', title: 'Service blueprint' });
    const fake = fakeStages(ready([journeyMap(), second]));
    let failFirst: (error: Error) => void = () => undefined;
    vi.mocked(fake.connection.undoStatus).mockImplementation((mapId) =>
      mapId === 'm1'
        ? new Promise<UndoInfo>((_resolve, reject) => {
            failFirst = reject;
          })
        : Promise.resolve({ available: true, notes: 2, at: 0 }),
    );
    render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.change(screen.getByLabelText('Map'), { target: { value: 'm2' } });
    const undo = await screen.findByRole('button', { name: /^Undo tag by position in “Service/ });
    await act(async () => {
      failFirst(new Error('The board did not answer.'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText(/The board did not answer/)).toBeNull();
    expect(undo.isConnected).toBe(true);
  });

  it('closes its connection when the tab goes away', () => {
    const fake = fakeStages(ready([journeyMap()]));
    const { unmount } = render(<StagesTab workshop={workshop} useCases={fake.useCases} />);
    unmount();
    expect(fake.connection.close).toHaveBeenCalledTimes(1);
  });
});
