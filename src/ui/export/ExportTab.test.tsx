import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../app/export/import-map';
import type { HistoryUsage, SnapshotMeta } from '../../app/export/snapshots';
import type { Download } from '../../domain/export/to-downloads';
import type { Workshop } from '../../app/workshop';
import type { BoardItem } from '../../domain/board/board-item';
import { deriveJourneyMap } from '../../domain/export/derive-journey-map';
import type { JourneyMapFile } from '../../domain/export/journey-map';
import { toExportFile } from '../../domain/export/to-export-file';
import { createGridPlacedMap } from '../../domain/stages/testing/grid-placed-map';
import { ExportTab } from './ExportTab';
import type { ExportEnvironment, ExportUseCases } from './export-tab-model';

const workshop = {
  info: { id: 'b1', name: 'Northstar board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'playground',
} as unknown as Workshop;

const spec = {
  id: 'm1',
  title: 'Onboarding journey',
  presetId: 'classic',
  persona: null,
  stages: [
    { id: 's1', name: 'Awareness' },
    { id: 's2', name: 'Purchase' },
  ],
  lanes: [{ id: 'l1', name: 'Actions', kind: 'actions' as const }],
};
const placed = createGridPlacedMap(spec);
const note = (id: string, text: string, x: number): BoardItem => ({
  id,
  kind: 'note',
  text,
  rect: { x, y: 200, w: 100, h: 100 },
  color: 'yellow',
  tags: [],
  parentId: null,
  meta: null,
});

function fileOf(texts: string[], author = false): JourneyMapFile {
  const items = texts.map((t, i) => note(`n${i}`, t, 260 + i * 10));
  const map = deriveJourneyMap(items, placed, {
    boardId: 'b1',
    includeAuthors: author,
    authors: Object.fromEntries(items.map((i) => [i.id, 'Ada'])),
  });
  return toExportFile(
    map,
    { platform: 'playground', boardId: 'b1', boardName: 'Northstar board', appVersion: '0.1.0' },
    '2026-11-22T10:00:00.000Z',
  );
}

interface FakeOptions {
  maps?: { id: string; title: string }[];
  historyProblem?: string | null;
  importOutcome?: ImportOutcome;
  buildWarnings?: string[];
  damaged?: number;
  /** The map watch's first read fails (it then delivers nothing). */
  watchFails?: boolean;
}

function fakes(options: FakeOptions = {}) {
  let board = ['Sees an ad', 'Asks a friend'];
  let edit = (file: JourneyMapFile): JourneyMapFile => file;
  let n = 0;
  const stored: { meta: SnapshotMeta; file: JourneyMapFile }[] = [];
  const usage = (): HistoryUsage => ({
    count: stored.length,
    bytes: stored.length * 2048,
    autoCount: 0,
    autoBytes: 0,
    budget: { maxAutoCount: 20, maxAutoBytes: 25 * 1024 * 1024 },
    damaged,
  });
  let damaged = options.damaged ?? 0;
  const maps = options.maps ?? [{ id: 'm1', title: 'Onboarding journey' }];
  const useCases: ExportUseCases = {
    loadMaps: vi.fn(async () => maps),
    // As the real watch: its first value after the call, never during it.
    watchMaps: vi.fn((_w, fn, onError) => {
      queueMicrotask(() => (options.watchFails ? onError() : fn(maps)));
      return () => undefined;
    }),
    buildFile: vi.fn(async (_w, _mapId, includeAuthors: boolean) => ({
      ok: true as const,
      file: edit(fileOf(board, includeAuthors)),
      mapId: 'm1',
      warnings: options.buildWarnings ?? [],
    })),
    readIncludeAuthors: async () => false,
    saveIncludeAuthors: vi.fn(async () => undefined),
    historyProblem: () => options.historyProblem ?? null,
    deleteDamaged: vi.fn(async () => {
      const gone = damaged;
      damaged = 0;
      return { ok: true as const, value: gone };
    }),
    listSnapshots: async () => ({
      ok: true,
      value: [...stored].reverse().map((s) => s.meta),
    }),
    usage: async () => ({ ok: true, value: usage() }),
    saveSnapshot: vi.fn(async (_w, mapId: string, label: string) => {
      n += 1;
      const file = edit(fileOf(board));
      const meta: SnapshotMeta = {
        id: `snap${n}`,
        boardId: 'b1',
        mapId,
        createdAt: Date.parse('2026-11-22T10:00:00Z') + n * 3_600_000,
        kind: 'manual',
        reason: label,
        noteCount: file.map.notes.length,
        summary: `${file.map.notes.length} notes in 2 stages, 0 loose, 0 clusters, 0 vote rounds`,
        bytes: 2048,
        formatVersion: 1,
      };
      stored.push({ meta, file });
      return { ok: true as const, value: meta };
    }),
    getSnapshot: async (_w, id) => {
      const found = stored.find((s) => s.meta.id === id);
      return found
        ? { ok: true, value: { meta: found.meta, file: found.file, warnings: [] } }
        : { ok: false, kind: 'unreadable', message: 'This snapshot was deleted.' };
    },
    deleteSnapshot: vi.fn(async (_w, id: string) => {
      const i = stored.findIndex((s) => s.meta.id === id);
      if (i >= 0) stored.splice(i, 1);
      return { ok: true as const, value: i >= 0 };
    }),
    importMap: vi.fn(async (_w, _text, hooks) => {
      hooks.onProgress(1, 2, 'Adding notes');
      return (
        options.importOutcome ?? {
          status: 'already-imported' as const,
          mapId: 'm1',
          mapTitle: 'Onboarding journey',
          skipped: 3,
          restored: {
            groups: 0,
            actions: 2,
            rounds: 1,
            ratings: 0,
            kpis: 0,
            raci: 0,
            warnings: [],
          },
        }
      );
    }),
  };
  const downloads: Download[] = [];
  const env: ExportEnvironment = {
    download: (d) => void downloads.push(d),
    copyText: vi.fn(async () => undefined),
  };
  return {
    useCases,
    env,
    downloads,
    setBoard: (texts: string[]) => {
      board = texts;
    },
    setEdit: (fn: (file: JourneyMapFile) => JourneyMapFile) => {
      edit = fn;
    },
  };
}

afterEach(cleanup);

describe('ExportTab', () => {
  it('downloads JSON, CSV and Markdown under <board>-<map>-<date> names', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(f.downloads).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(f.downloads).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(f.downloads).toHaveLength(3));
    expect(f.downloads.map((d) => d.filename)).toEqual([
      'northstar-board-onboarding-journey-2026-11-22.json',
      'northstar-board-onboarding-journey-2026-11-22.csv',
      'northstar-board-onboarding-journey-2026-11-22.md',
    ]);
    const json = JSON.parse(f.downloads[0]!.text) as JourneyMapFile;
    expect(json.map.notes.map((n) => n.text)).toEqual(['Sees an ad', 'Asks a friend']);
    expect(json.map.notes.some((n) => 'author' in n)).toBe(false);
  });

  it('includes author names only after the facilitator ticks the box, and remembers it', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    const box = await screen.findByRole('checkbox', { name: 'Include author names' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(f.useCases.saveIncludeAuthors).toHaveBeenCalledWith(workshop, true);
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(f.downloads).toHaveLength(1));
    const json = JSON.parse(f.downloads[0]!.text) as JourneyMapFile;
    expect(json.map.notes.every((n) => n.author === 'Ada')).toBe(true);
  });

  it('leaves notes outside the map out unless the facilitator ticks the box', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    const box = await screen.findByRole('checkbox', { name: 'Include notes outside the map' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(f.downloads).toHaveLength(1));
    expect(f.useCases.buildFile).toHaveBeenLastCalledWith(
      workshop,
      expect.any(String),
      false,
      false,
    );
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(f.downloads).toHaveLength(2));
    expect(f.useCases.buildFile).toHaveBeenLastCalledWith(
      workshop,
      expect.any(String),
      false,
      true,
    );
  });

  it('still downloads when a part could not be read, and says which', async () => {
    const f = fakes({ buildWarnings: ['Vote rounds left out: bad round record.'] });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download JSON' }));
    expect(await screen.findByText('Parts of the map were left out')).toBeTruthy();
    expect(screen.getByText('Vote rounds left out: bad round record.')).toBeTruthy();
    expect(f.downloads).toHaveLength(1);
  });

  it('copies JSON, and shows it for copying by hand when the browser refuses', async () => {
    const f = fakes();
    vi.mocked(f.env.copyText).mockRejectedValueOnce(new Error('denied'));
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy JSON' }));
    expect(await screen.findByText('The browser did not allow copying')).toBeTruthy();
    const area = screen.getByLabelText('Map as JSON') as HTMLTextAreaElement;
    expect(area.value).toContain('"format": "touchpoint.journey-map"');
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(await screen.findByText('JSON copied to the clipboard.')).toBeTruthy();
  });

  it('saves a labelled snapshot and lists it with badge, time, note count and summary', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    expect(await screen.findByText(/No snapshots of this map yet/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Label (optional)'), {
      target: { value: 'After lunch' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save snapshot' }));
    const list = await screen.findByRole('list', { name: 'Snapshots' });
    const item = within(list).getAllByRole('listitem')[0]!;
    expect(item.textContent).toContain('Manual');
    expect(item.textContent).toContain('After lunch');
    expect(item.textContent).toContain('2 notes');
    expect(item.textContent).toContain('2 notes in 2 stages');
    expect(f.useCases.saveSnapshot).toHaveBeenCalledWith(workshop, 'm1', 'After lunch', false);
    expect(
      screen.getByText(
        '1 snapshot · 2 KB of 25 MB; automatic ones beyond 20 are pruned, oldest first.',
      ),
    ).toBeTruthy();
    expect((screen.getByLabelText('Label (optional)') as HTMLInputElement).value).toBe('');
  });

  it('downloads a snapshot and deletes one only after confirming', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save snapshot' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Download snapshot of/ }));
    await waitFor(() => expect(f.downloads).toHaveLength(1));
    expect(f.downloads[0]!.filename).toMatch(/\.json$/);

    fireEvent.click(screen.getByRole('button', { name: /^Delete snapshot of/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(f.useCases.deleteSnapshot).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /^Delete snapshot of/ }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    expect(await screen.findByText(/No snapshots of this map yet/)).toBeTruthy();
  });

  it('compares a snapshot with a later one: added, removed and re-worded notes', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save snapshot' }));
    await screen.findByRole('list', { name: 'Snapshots' });
    f.setBoard(['Sees an ad on the Tube', 'Asks a friend', 'Reads reviews']);
    fireEvent.click(screen.getByRole('button', { name: 'Save snapshot' }));
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Compare snapshot of/ })).toHaveLength(2),
    );
    // The older one (listed second) against the newer one.
    fireEvent.click(screen.getAllByRole('button', { name: /^Compare snapshot of/ })[1]!);
    const picker = await screen.findByLabelText(/^Compare the snapshot of/);
    const options = within(picker).getAllByRole('option');
    fireEvent.change(picker, { target: { value: (options[1] as HTMLOptionElement).value } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const view = await screen.findByRole('region', { name: 'Changes' });
    expect(within(view).getByText('1 added')).toBeTruthy();
    expect(within(view).getByText('1 re-worded')).toBeTruthy();
    expect(within(view).getByText('“Reads reviews”')).toBeTruthy();
    expect(within(view).getByText('“Sees an ad on the Tube”')).toBeTruthy();
    expect(within(view).getByText('1 note unchanged.')).toBeTruthy();
  });

  it('compares a snapshot with the board now', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save snapshot' }));
    f.setBoard(['Sees an ad']);
    fireEvent.click(await screen.findByRole('button', { name: /^Compare snapshot of/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Compare' }));
    const view = await screen.findByRole('region', { name: 'Changes' });
    expect(within(view).getByText('1 removed')).toBeTruthy();
    expect(within(view).getByText(/to The board now/)).toBeTruthy();
  });

  it('reviews the board now against a snapshot and downloads the review report', async () => {
    const f = fakes();
    const action = {
      id: 'a1',
      title: 'Shorten the <b>sign-up</b> form',
      ownerTeam: 'product',
      dueDate: '2026-12-01',
      impact: 4 as const,
      feasibility: 3 as const,
      status: 'todo' as const,
      sourceItemIds: [],
    };
    const withInsights = (status: 'todo' | 'done', value: -2 | 1) => (file: JourneyMapFile) => {
      file.map.actions = [
        { ...action, status },
        { ...action, id: 'a2', title: 'Call back' },
      ];
      file.map.insights.personas = [{ id: 'p1', name: 'Alex', summary: '' }];
      file.map.insights.ratings = [
        { stageId: 's1', personaId: 'p1', line: 'as-is', value, department: null },
      ];
      return file;
    };
    f.setEdit(withInsights('todo', -2));
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save snapshot' }));
    f.setEdit(withInsights('done', 1));
    fireEvent.click(
      await screen.findByRole('button', { name: /^Review the board now against the snapshot/ }),
    );
    const view = await screen.findByRole('region', { name: /^Review since/ });
    const done = within(view).getByRole('region', { name: 'Done since' });
    expect(within(done).getByText('Shorten the <b>sign-up</b> form')).toBeTruthy();
    const late = within(view).getByRole('region', { name: 'Late' });
    expect(within(late).getByText('Call back')).toBeTruthy();
    const curve = within(view).getByRole('region', { name: 'Emotion curve' });
    expect(within(curve).getByText('+3.0')).toBeTruthy();
    expect(view.querySelector('b')).toBeNull();
    fireEvent.click(within(view).getByRole('button', { name: 'Download review report' }));
    expect(f.downloads).toHaveLength(1);
    expect(f.downloads[0]!.filename).toMatch(
      /^northstar-board-onboarding-journey-review-2026-11-22-to-\d{4}-\d{2}-\d{2}\.md$/,
    );
    expect(f.downloads[0]!.text).toContain(
      '### Done since\n\n- Shorten the \\<b>sign-up\\</b> form',
    );
    fireEvent.click(within(view).getByRole('button', { name: 'Close review' }));
    expect(screen.queryByRole('region', { name: /^Review since/ })).toBeNull();
  });

  it('explains why history is off and keeps downloads working', async () => {
    const f = fakes({ historyProblem: 'This browser does not let Touchpoint keep local data.' });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    expect(await screen.findByText('History is off')).toBeTruthy();
    expect(screen.getByText(/does not let Touchpoint keep local data/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save snapshot' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(f.downloads).toHaveLength(1));
  });

  it('imports a picked file and says what happened; refuses a file too big to be a map', async () => {
    const f = fakes();
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    const input = (await screen.findByLabelText('Import a map file (.json)')) as HTMLInputElement;
    const good = new File([JSON.stringify(fileOf(['a']))], 'map.json', {
      type: 'application/json',
    });
    fireEvent.change(input, { target: { files: [good] } });
    expect(await screen.findByText('Already imported: 3 notes skipped')).toBeTruthy();
    expect(f.useCases.importMap).toHaveBeenCalledTimes(1);

    // Too big to be a map: refused without reading it.
    const huge = { name: 'video.json', size: 200 * 1024 * 1024, text: vi.fn() };
    fireEvent.change(input, { target: { files: [huge] } });
    expect(
      await screen.findByText(/“video.json” is 200 MB; a Touchpoint map file is at most 20 MB/),
    ).toBeTruthy();
    expect(huge.text).not.toHaveBeenCalled();
    expect(f.useCases.importMap).toHaveBeenCalledTimes(1);
  });

  it('shows the import’s own message for a bad file', async () => {
    const f = fakes({
      importOutcome: {
        status: 'invalid',
        message: 'This file was made by a newer Touchpoint (format v9).',
      },
    });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    const input = (await screen.findByLabelText('Import a map file (.json)')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{}'], 'new.json')] } });
    expect(await screen.findByText('Nothing was imported')).toBeTruthy();
    expect(screen.getByText(/newer Touchpoint \(format v9\)/)).toBeTruthy();
  });

  it('opens on the map watch’s first value, with no read of its own', async () => {
    const f = fakes({ maps: [{ id: 'm1', title: 'Onboarding journey' }] });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    expect(await screen.findByRole('button', { name: 'Download JSON' })).toBeTruthy();
    expect(f.useCases.watchMaps).toHaveBeenCalledTimes(1);
    expect(f.useCases.loadMaps).not.toHaveBeenCalled();
  });

  it('reads the maps itself when the map watch could not', async () => {
    const f = fakes({ watchFails: true });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    expect(await screen.findByRole('button', { name: 'Download JSON' })).toBeTruthy();
    expect(f.useCases.loadMaps).toHaveBeenCalledTimes(1);
  });

  it('without a map: says so, and still offers import', async () => {
    const f = fakes({ maps: [] });
    render(<ExportTab workshop={workshop} useCases={f.useCases} environment={f.env} />);
    expect(await screen.findByText('No journey map on this board yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download JSON' })).toBeNull();
    expect(screen.getByLabelText('Import a map file (.json)')).toBeTruthy();
  });

  it('reports damaged snapshot records and deletes them on request', async () => {
    const f = fakes({ damaged: 2 });
    const { useCases } = f;
    render(<ExportTab workshop={workshop} useCases={useCases} environment={f.env} />);
    expect(await screen.findByText('2 damaged snapshot records')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete them' }));
    expect(await screen.findByText('2 damaged records deleted.')).toBeTruthy();
    expect(useCases.deleteDamaged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText('2 damaged snapshot records')).toBeNull());
  });
});
