import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workshop } from '../../app/workshop';
import type { MapSpec } from '../../domain/journey/map-spec';
import { MapTab } from './MapTab';
import type { MapOnBoard, MapUseCases } from './map-tab-model';

const workshop = {
  info: { id: 'b1', name: 'Board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'playground',
  limits: { tagTitle: 120, tagsPerItem: 8, tagsPerBoard: 100, noteText: 6000 },
} as unknown as Workshop;

function fakeUseCases(overrides: Partial<MapUseCases> = {}, tags: string[] = []) {
  let stored: MapSpec | null = null;
  const useCases: MapUseCases = {
    loadMaps: vi.fn(async () => (stored ? [{ spec: stored, incomplete: false }] : [])),
    // As the map watch does: the maps once read, then (not faked here) on every change.
    watchMaps: (w, fn) => {
      void useCases.loadMaps(w).then(fn);
      return () => undefined;
    },
    listTagTitles: async () => tags,
    createMap: vi.fn(async (_w, spec: MapSpec) => {
      stored = spec;
      return { status: 'done' as const, message: 'Map created on the board.' };
    }),
    updateMap: vi.fn(async (_w, spec: MapSpec) => {
      stored = spec;
      return { status: 'done' as const, message: 'Map updated.' };
    }),
    removeMap: vi.fn(async () => {
      stored = null;
      return { status: 'done' as const, message: 'Map removed.' };
    }),
    zoomToMap: async () => undefined,
    watchFacilitators: (_w, fn) => {
      fn({ people: facilitators });
      return () => undefined;
    },
    onlineUsers: async () => [
      { id: 'u1', name: 'Ada' },
      { id: 'u2', name: 'Sam' },
    ],
    addFacilitator: vi.fn(async () => ({ ok: true as const })),
    removeFacilitator: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
  return useCases;
}

let facilitators: { id: string; name: string }[] = [];

afterEach(() => {
  cleanup();
  facilitators = [];
});

describe('MapTab', () => {
  it('creates the classic map and then offers to update it', async () => {
    const useCases = fakeUseCases();
    render(<MapTab workshop={workshop} useCases={useCases} />);
    const create = await screen.findByRole('button', { name: 'Create on board' });
    create.focus();
    fireEvent.click(create);
    await screen.findByText('Map created on the board.');
    // Focus moves from the button to the result, so keyboard users land on it.
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('status'));
    expect(document.activeElement?.textContent).toContain('Map created on the board.');
    expect(useCases.createMap).toHaveBeenCalledTimes(1);
    const spec = vi.mocked(useCases.createMap).mock.calls[0]![1];
    expect(spec.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
    ]);
    expect(await screen.findByRole('button', { name: 'Update on board' })).toBeTruthy();
  });

  it('refuses a stage name longer than a Miro tag allows, with a message', async () => {
    const useCases = fakeUseCases();
    render(<MapTab workshop={workshop} useCases={useCases} />);
    const first = await screen.findByLabelText('Stage 1 name');
    fireEvent.input(first, { target: { value: 'x'.repeat(121) } });
    expect(
      await screen.findByText(/Stage 1 name is 121 characters long; the limit is 112/),
    ).toBeTruthy();
    const create = screen.getByRole('button', { name: 'Create on board' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
  });

  it('explains that a map needs a stage when every stage is removed', async () => {
    render(<MapTab workshop={workshop} useCases={fakeUseCases()} />);
    await screen.findByLabelText('Stage 1 name');
    for (const button of screen.getAllByRole('button', { name: /^Remove stage/ }))
      fireEvent.click(button);
    expect(await screen.findByText('The map needs at least one stage.')).toBeTruthy();
  });

  it('flags duplicate stage names', async () => {
    render(<MapTab workshop={workshop} useCases={fakeUseCases()} />);
    const second = await screen.findByLabelText('Stage 2 name');
    fireEvent.input(second, { target: { value: 'awareness' } });
    expect(
      await screen.findByText('Two stages are called "Awareness": stage names must differ.'),
    ).toBeTruthy();
  });

  it('stops adding stages at the maximum', async () => {
    render(<MapTab workshop={workshop} useCases={fakeUseCases()} />);
    const add = (await screen.findByRole('button', { name: '+ Add stage' })) as HTMLButtonElement;
    for (let i = 0; i < 30 && !add.disabled; i++) fireEvent.click(add);
    expect(add.disabled).toBe(true);
    expect(screen.getAllByLabelText(/^Stage \d+ name$/)).toHaveLength(20);
  });

  it('says how many tags a full board has and how many the map needs', async () => {
    const tags = Array.from({ length: 100 }, (_, i) => `Topic ${i}`);
    render(<MapTab workshop={workshop} useCases={fakeUseCases({}, tags)} />);
    expect(await screen.findByText(/already has 100 tags/)).toBeTruthy();
    const create = screen.getByRole('button', { name: 'Create on board' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
  });

  it('asks before removing stages that still hold notes', async () => {
    const useCases = fakeUseCases({
      updateMap: vi.fn(async (_w, _spec, hooks: { confirmRemove: string[] }) =>
        hooks.confirmRemove.length === 0
          ? {
              status: 'needs-confirmation' as const,
              items: [{ id: 's1', kind: 'stage' as const, name: 'Awareness', notes: 3 }],
            }
          : { status: 'done' as const, message: 'Map updated.' },
      ),
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create on board' }));
    await screen.findByRole('button', { name: 'Update on board' });
    fireEvent.click(screen.getAllByRole('button', { name: /^Remove stage/ })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Update on board' }));
    expect(await screen.findByText(/Stage Awareness — 3 notes/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    await waitFor(() => expect(useCases.updateMap).toHaveBeenCalledTimes(2));
    expect(vi.mocked(useCases.updateMap).mock.calls[1]![2].confirmRemove).toEqual(['s1']);
  });

  it('lists the maps on the board and starts a new one beside them', async () => {
    const useCases = fakeUseCases();
    render(<MapTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create on board' }));
    const picker = (await screen.findByLabelText('Map on this board')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['Customer journey map', '+ New map…']);
    fireEvent.change(picker, { target: { value: '__new__' } });
    expect(await screen.findByRole('button', { name: 'Create on board' })).toBeTruthy();
    expect(screen.getByLabelText('Preset')).toBeTruthy();
  });

  it("closes a removal's confirmation when another map is chosen, so it never removes that one", async () => {
    const map = (id: string, title: string): MapOnBoard => ({
      spec: {
        id,
        title,
        presetId: 'blank',
        persona: null,
        stages: [{ id: 's1', name: 'Stage' }],
        lanes: [{ id: 'l1', name: 'Lane', kind: 'other' }],
      },
      incomplete: false,
    });
    const useCases = fakeUseCases({
      loadMaps: async () => [map('m1', 'First'), map('m2', 'Second')],
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove map from board…' }));
    expect(screen.getByRole('button', { name: 'Remove map' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Map on this board'), { target: { value: 'm2' } });
    await screen.findByText('On this board: Second');
    expect(screen.queryByRole('button', { name: 'Remove map' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove map from board…' })).toBeTruthy();
  });

  it('says a removal stopped in part is finished by removing again, also once the map is read back', async () => {
    const spec: MapSpec = {
      id: 'm1',
      title: 'First',
      presetId: 'blank',
      persona: null,
      stages: [{ id: 's1', name: 'Stage' }],
      lanes: [{ id: 'l1', name: 'Lane', kind: 'other' }],
    };
    const useCases = fakeUseCases({
      // The record kept for what is left is marked incomplete.
      loadMaps: async () => [{ spec, incomplete: true }],
      removeMap: vi.fn(async () => ({
        status: 'partial' as const,
        title: 'Part of the map was removed',
        message: '3 of 5 items were removed; 2 remain. “Remove map” again finishes.',
      })),
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove map from board…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove map' }));
    const said = await screen.findByText('Part of the map was removed');
    expect(said.closest('.tp-notice')?.textContent).not.toContain('Update on board');
    // The map's own notice names both ways on: finish the update, or finish the removal.
    expect(screen.getByText(/stopped halfway/).textContent).toContain('“Remove map from board…”');
  });

  it('shows board text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const useCases = fakeUseCases({
      loadMaps: async () => [
        {
          spec: {
            id: 'm1',
            title: hostile,
            presetId: 'blank',
            persona: null,
            stages: [{ id: 's1', name: hostile }],
            lanes: [{ id: 'l1', name: 'Lane', kind: 'other' }],
          },
          incomplete: false,
        },
      ],
    });
    const { container } = render(<MapTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText(`On this board: ${hostile}`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('MapTab reading the board', () => {
  it('ignores a read that finished after a newer one, keeping the new map selected', async () => {
    const first = {
      spec: {
        id: 'a',
        title: 'First',
        presetId: 'blank',
        persona: null,
        stages: [{ id: 's', name: 'S' }],
        lanes: [{ id: 'l', name: 'L', kind: 'other' as const }],
      },
      incomplete: false,
    };
    const second = { ...first, spec: { ...first.spec, id: 'b', title: 'Second' } };
    let releaseStale: (() => void) | null = null;
    let notify: (maps: MapOnBoard[]) => void = () => undefined;
    let failFirstRead: () => void = () => undefined;
    const useCases = fakeUseCases({
      // A read that started before "Second" existed and answers last.
      loadMaps: () =>
        new Promise((resolve) => {
          releaseStale = () => resolve([first]);
        }),
      watchMaps: (_w, fn, onError) => {
        notify = fn;
        failFirstRead = () => onError(new Error('timed out'));
        return () => undefined;
      },
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    failFirstRead(); // the tab reads the maps itself: the stale read
    notify([first, second]); // the watch reports both maps meanwhile
    const picker = (await screen.findByLabelText('Map on this board')) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(3));
    fireEvent.change(picker, { target: { value: 'b' } });
    await screen.findByText('On this board: Second');
    releaseStale!();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('On this board: Second')).toBeTruthy();
    expect(picker.options).toHaveLength(3);
  });

  it('opens on the map watch’s first value, with no read of its own', async () => {
    const map = {
      spec: {
        id: 'a',
        title: 'First',
        presetId: 'blank',
        persona: null,
        stages: [{ id: 's', name: 'S' }],
        lanes: [{ id: 'l', name: 'L', kind: 'other' as const }],
      },
      incomplete: false,
    };
    const useCases = fakeUseCases({
      watchMaps: (_w, fn) => {
        void Promise.resolve().then(() => fn([map]));
        return () => undefined;
      },
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    const picker = (await screen.findByLabelText('Map on this board')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['First', '+ New map…']);
    expect(useCases.loadMaps).not.toHaveBeenCalled();
  });

  it('reads the maps itself when the watch’s first read fails, and says so when that fails too', async () => {
    const useCases = fakeUseCases({
      loadMaps: vi.fn(() => Promise.reject(new Error('The board did not answer.'))),
      watchMaps: (_w, _fn, onError) => {
        void Promise.resolve().then(() => onError(new Error('timed out')));
        return () => undefined;
      },
    });
    render(<MapTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText('Could not read the board')).toBeTruthy();
    expect(useCases.loadMaps).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/The board did not answer/)).toBeTruthy();
  });

  it('lists the facilitators; a facilitator names another, a participant is told who to ask', async () => {
    facilitators = [{ id: 'u1', name: 'Ada' }];
    const useCases = fakeUseCases();
    render(<MapTab workshop={workshop} useCases={useCases} />);
    const list = await screen.findByRole('list', { name: 'Facilitators of this workshop' });
    expect(list.textContent).toContain('Ada (you)');
    fireEvent.change(await screen.findByLabelText('Person to name as facilitator'), {
      target: { value: 'u2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(useCases.addFacilitator).toHaveBeenCalledWith(workshop, { id: 'u2', name: 'Sam' }),
    );
    cleanup();

    facilitators = [{ id: 'u9', name: 'Fran' }];
    render(<MapTab workshop={workshop} useCases={fakeUseCases()} />);
    expect(await screen.findByText(/You take part as a participant/)).toBeTruthy();
    expect(screen.queryByLabelText('Person to name as facilitator')).toBeNull();
  });
});
