import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPreview } from '../../domain/clustering/grouping-preview';
import type { Workshop } from '../../app/workshop';
import { GroupTab } from './GroupTab';
import type { TabMessage } from '../components/action-runner';
import type { JobHooks } from '../components/board-job';
import type {
  GroupConnection,
  GroupingPreview,
  GroupingUndoStatus,
  GroupRunRequest,
  GroupSnapshot,
  GroupUseCases,
} from './group-tab-model';

const workshop = {
  info: { id: 'b1', name: 'Board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'playground',
} as unknown as Workshop;

const ready: GroupSnapshot = {
  status: 'ready',
  maps: [
    {
      id: 'm1',
      title: 'Journey',
      stages: [{ id: 's1', name: 'Purchase' }],
      lanes: [{ id: 'l2', name: 'Pain points' }],
    },
  ],
  selectedNotes: 0,
};

const TEXTS: Record<string, string> = {
  n1: 'ID check failed <b>twice</b>',
  n2: 'Selfie step froze',
  n3: 'Card took 12 days',
  n4: 'No card tracking',
  n5: 'Password rules too strict',
};

const first = (): GroupingPreview =>
  toPreview([
    { id: 'g1', label: 'id check', keywords: ['id', 'check'], noteIds: ['n1', 'n2'] },
    { id: 'g2', label: 'card', keywords: ['card'], noteIds: ['n3', 'n4'] },
    { id: 'unsorted', label: 'Unsorted', keywords: [], noteIds: ['n5'], unsorted: true },
  ]);

function fakeGroup(options: { notes?: string[]; undo?: GroupingUndoStatus } = {}) {
  const ids = options.notes ?? Object.keys(TEXTS);
  let undo: GroupingUndoStatus = options.undo ?? { available: false, reason: null };
  let applyHooks: JobHooks | null = null;
  let finishApply: ((o: TabMessage) => void) | null = null;
  const requests: GroupRunRequest[] = [];
  const connection: GroupConnection = {
    subscribe(fn) {
      fn(ready);
      return () => undefined;
    },
    notes: vi.fn(() => ids.map((id) => ({ id, text: TEXTS[id] ?? '' }))),
    handMadePins: vi.fn(() => ({})),
    group: vi.fn((_scope, request: GroupRunRequest) => {
      requests.push(request);
      // Progress arrives while the run is under way, then the result.
      const result = Promise.resolve().then(() => {
        request.onProgress(0.5);
        return first();
      });
      return { result, cancel: vi.fn(), inWorker: false };
    }),
    split: vi.fn(async (preview: GroupingPreview, groupId: string) =>
      toPreview([
        ...preview.groups.filter((g) => g.id !== groupId),
        { id: `${groupId}.1`, label: 'id', keywords: [], noteIds: ['n1'] },
        { id: `${groupId}.2`, label: 'selfie', keywords: [], noteIds: ['n2'] },
      ]),
    ),
    apply: vi.fn(
      (_scope, _preview, _settings, hooks: JobHooks) =>
        new Promise<TabMessage>((resolve) => {
          applyHooks = hooks;
          finishApply = (o) => {
            undo = { available: true, pending: false, notes: 4, at: 0 };
            resolve(o);
          };
        }),
    ),
    resume: vi.fn(async () => ({ tone: 'success' as const, title: 'Grouping finished.' })),
    undo: vi.fn(async () => {
      undo = { available: false, reason: null };
      return { tone: 'success' as const, title: 'Put 4 notes back where they were.' };
    }),
    undoStatus: vi.fn(async () => undo),
    close: vi.fn(),
  };
  const useCases: GroupUseCases = { open: vi.fn(() => connection) };
  return {
    useCases,
    connection,
    requests,
    progress: (done: number, total: number) => act(() => applyHooks?.onProgress(done, total)),
    finishApply: (o: TabMessage) => act(() => finishApply?.(o)),
  };
}

afterEach(cleanup);

const card = (label: string) => screen.getByRole('listitem', { name: `Group ${label}` });

describe('GroupTab', () => {
  it('says when the scope holds no notes', () => {
    const fake = fakeGroup({ notes: [] });
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    expect(screen.getByText('No notes in this scope')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Group notes' })).toBeNull();
  });

  it('groups the chosen lane and shows the preview with notes as text', async () => {
    const fake = fakeGroup();
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'lane:m1:l2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    expect(await screen.findByText('2 groups')).toBeTruthy();
    expect(fake.connection.group).toHaveBeenCalledWith(
      { kind: 'lane', mapId: 'm1', laneId: 'l2' },
      expect.objectContaining({ granularity: 0, k: null, pinned: {} }),
    );
    // Board text stays text: the tag shows, nothing is parsed as HTML.
    expect(screen.getByText('ID check failed <b>twice</b>')).toBeTruthy();
    expect(document.querySelector('.tp-group-tab b')).toBeNull();
    expect(within(card('card')).getByText('2 notes')).toBeTruthy();
    expect(within(card('Unsorted')).getByText('Password rules too strict')).toBeTruthy();
  });

  it('groups by meaning when chosen: phase progress with cancel, and the fallback notice', async () => {
    const fake = fakeGroup();
    let progress: GroupRunRequest['onProgress'] = () => undefined;
    let finish: (p: GroupingPreview) => void = () => undefined;
    let notice: string | null = null;
    const cancel = vi.fn();
    fake.connection.group = vi.fn((_scope, request: GroupRunRequest) => {
      fake.requests.push(request);
      progress = request.onProgress;
      const result = new Promise<GroupingPreview>((resolve) => {
        finish = resolve;
      });
      return { result, cancel, inWorker: true, notice: () => notice };
    });
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('radio', { name: /^Meaning/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    expect(fake.requests[0]?.mode).toBe('meaning');
    expect(screen.getByRole('progressbar', { name: /Loading the meaning model/ })).toBeTruthy();
    act(() => progress(0.4, 'embed'));
    expect(screen.getByRole('progressbar', { name: 'Reading what the notes mean' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();

    notice =
      'The meaning model could not load here (HTTP 404). These groups come from shared words instead.';
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    await act(async () => finish(first()));
    expect(await screen.findByText('2 groups')).toBeTruthy();
    expect(screen.getByText('Grouped by shared words')).toBeTruthy();
    expect(screen.getByText(/could not load here \(HTTP 404\)/)).toBeTruthy();
    // Back to shared words: the next run asks for lexical mode.
    fireEvent.click(screen.getByRole('radio', { name: /^Shared words/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Group again' }));
    expect(fake.requests.at(-1)?.mode).toBe('lexical');
  });

  it('edits the preview: rename, move a note, merge, split, dissolve, pin', async () => {
    const fake = fakeGroup();
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    const name = (await screen.findByLabelText('Name of group id check')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Identity checks' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(card('Identity checks')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Move “Password rules too strict” to'), {
      target: { value: 'g1' },
    });
    expect(within(card('Identity checks')).getByText('3 notes')).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: 'Group Unsorted' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Merge a group into Identity checks'), {
      target: { value: 'g2' },
    });
    expect(within(card('Identity checks')).getByText('5 notes')).toBeTruthy();
    expect(screen.getByText('1 group')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Split Identity checks' }));
    expect(await screen.findByText('2 groups')).toBeTruthy();
    expect(fake.connection.split).toHaveBeenCalledWith(expect.anything(), 'g1');

    fireEvent.click(screen.getByRole('button', { name: 'Pin selfie' }));
    expect(within(card('selfie')).getByText('1 note · pinned')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dissolve id' }));
    expect(within(card('Unsorted')).getByText('ID check failed <b>twice</b>')).toBeTruthy();
  });

  it('re-runs live when the granularity moves, keeping pins', async () => {
    const fake = fakeGroup();
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    await screen.findByText('2 groups');
    fireEvent.click(screen.getByRole('button', { name: 'Pin card' }));
    fireEvent.input(screen.getByLabelText('Granularity'), { target: { value: '4' } });
    await waitFor(() => expect(fake.requests).toHaveLength(2));
    expect(fake.requests[1]).toMatchObject({ granularity: 1, pinned: { n3: 'card', n4: 'card' } });
  });

  it('shows a background run’s progress and cancels it', async () => {
    const fake = fakeGroup();
    const cancel = vi.fn();
    let report: ((f: number) => void) | null = null;
    vi.mocked(fake.connection.group).mockImplementation((_scope, request) => {
      report = request.onProgress;
      return { result: new Promise<GroupingPreview>(() => undefined), cancel, inWorker: true };
    });
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    await act(() => report?.(0.4));
    const bar = screen.getByRole('progressbar', { name: 'Grouping (in the background)' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      (screen.getByRole('button', { name: 'Group notes' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('applies with progress and cancel, then offers undo', async () => {
    const fake = fakeGroup();
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(screen.getByRole('button', { name: 'Group notes' }));
    await screen.findByText('2 groups');
    fireEvent.click(screen.getByLabelText('Colour each group'));
    fireEvent.click(screen.getByRole('button', { name: 'Apply to board' }));
    await fake.progress(2, 6);
    const bar = screen.getByRole('progressbar', { name: 'Applying groups' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(fake.connection.apply).toHaveBeenCalledWith(
      expect.anything(),
      expect.anything(),
      { color: false, labels: true },
      expect.anything(),
    );
    await fake.finishApply({ tone: 'success', title: 'Grouped 4 notes on the board.' });
    expect(await screen.findByText('Grouped 4 notes on the board.')).toBeTruthy();
    const undo = await screen.findByRole('button', { name: 'Undo grouping (4 notes)' });
    fireEvent.click(undo);
    expect(await screen.findByText('Put 4 notes back where they were.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Undo grouping/ })).toBeNull());
  });

  it('offers Resume for a grouping that stopped partway', async () => {
    const fake = fakeGroup({ undo: { available: true, pending: true, notes: 6, at: 0 } });
    render(<GroupTab workshop={workshop} useCases={fake.useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('Grouping finished.')).toBeTruthy();
    expect(screen.getByText('It stopped partway: finish it, or undo what was done.')).toBeTruthy();
  });
});
