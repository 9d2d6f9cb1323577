import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardSession, Workshop } from '../app/workshop';
import { Panel, type PanelServices } from './Panel';
import type { MapUseCases } from './map/map-tab-model';
import type { StagesConnection, StagesUseCases } from './stages/stages-tab-model';

afterEach(cleanup);

const session = {
  info: { id: 'b1', name: 'Board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'miro',
  limits: { tagTitle: 120, tagsPerItem: 8, tagsPerBoard: 100, noteText: 6000 },
} as unknown as BoardSession;

const map = {
  spec: {
    id: 'm1',
    title: 'Checkout journey',
    presetId: 'blank',
    persona: null,
    stages: [{ id: 's', name: 'S' }],
    lanes: [{ id: 'l', name: 'L', kind: 'other' as const }],
  },
  incomplete: false,
};

const mapUseCases = {
  loadMaps: async () => [map],
  watchMaps: (_w: unknown, fn: (maps: unknown[]) => void) => {
    fn([map]);
    return () => undefined;
  },
  listTagTitles: async () => [],
  watchFacilitators: () => () => undefined,
  onlineUsers: async () => [],
} as unknown as MapUseCases;

const never = () => new Promise<never>(() => undefined);

describe('Panel', () => {
  it('shows the Map tab while this browser’s store is opening; the other tabs wait for it', async () => {
    let openStore: (workshop: Workshop) => void = () => undefined;
    const whole = new Promise<Workshop>((resolve) => (openStore = resolve));
    const connection = {
      subscribe(fn) {
        fn({ status: 'error', message: 'Board offline.' });
        return () => undefined;
      },
      close: () => undefined,
    } as StagesConnection;
    const stages: StagesUseCases = { open: vi.fn(() => connection) };
    const services: PanelServices = {
      map: mapUseCases,
      stages: async () => stages,
      group: never,
      vote: never,
      insights: never,
      export: never,
    };
    render(<Panel session={session} workshop={whole} services={services} />);
    const picker = (await screen.findByLabelText('Map on this board')) as HTMLSelectElement;
    expect(picker.options[0]!.text).toBe('Checkout journey');
    expect(screen.getByText('Ada · Board')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Stages' }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.getByText('Opening…')).toBeTruthy();
    expect(stages.open).not.toHaveBeenCalled();

    openStore({ ...session, local: { db: null, problem: 'No local data here.' } });
    expect(await screen.findByText('Board offline.')).toBeTruthy();
    expect(vi.mocked(stages.open).mock.calls[0]![0].local.problem).toBe('No local data here.');
  });
});
