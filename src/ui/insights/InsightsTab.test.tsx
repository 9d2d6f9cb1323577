import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workshop } from '../../app/workshop';
import type { EmotionRating } from '../../domain/insights/emotion';
import { curveBasis, deriveCurveLines } from '../../domain/insights/curve-layout';
import { InsightsTab } from './InsightsTab';
import {
  createInsightsTabModel,
  type InsightsData,
  type InsightsMap,
  type InsightsUseCases,
} from './insights-tab-model';

const workshop = {
  info: { id: 'b1', name: 'Board' },
  user: { id: 'u1', name: 'Ada' },
  platform: 'playground',
} as unknown as Workshop;

const MAP: InsightsMap = {
  id: 'm1',
  title: 'Onboarding',
  stages: [
    { id: 's1', name: 'Sign-up' },
    { id: 's2', name: 'First use' },
  ],
  emotionsLane: true,
  kpiLane: false,
};

const rating = (
  raterKey: string,
  stageId: string,
  value: EmotionRating['value'],
): EmotionRating => ({
  mapId: 'm1',
  stageId,
  personaId: 'default',
  line: 'as-is',
  value,
  raterKey,
  department: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
});

/** A fake board-side store: the tab reads what the use cases wrote. */
function fakeInsights(over: Partial<InsightsData> = {}) {
  const data: InsightsData = {
    personas: [],
    ratings: [rating('u2', 's1', -2)],
    kpis: [],
    readings: [],
    raci: [],
    actions: [],
    myDepartment: null,
    departments: ['support'],
    contributions: [{ stageId: 's1', department: 'support', kind: 'note' }],
    skipped: 0,
    curve: { drawn: false, basis: '', incomplete: false, canDraw: true, lines: true },
    kpiCardsShown: false,
    ...over,
  };
  let notify: (() => void) | null = null;
  const useCases: InsightsUseCases = {
    loadMaps: async () => [MAP],
    load: async () => structuredClone(data),
    watch: (_w, _m, fn) => {
      notify = fn;
      return () => {
        notify = null;
      };
    },
    rate: vi.fn(async (_w, input) => {
      data.ratings = data.ratings.filter(
        (r) => !(r.raterKey === 'u1' && r.stageId === input.stageId),
      );
      if (input.value !== null)
        data.ratings.push(rating('u1', input.stageId, input.value as EmotionRating['value']));
      return { ok: true as const };
    }),
    savePersonas: vi.fn(async (_w, _m, personas) => {
      data.personas = personas;
      return { ok: true as const };
    }),
    saveKpi: vi.fn(async () => ({
      ok: false as const,
      message: 'The baseline must be a number; got "ten".',
    })),
    removeKpi: vi.fn(async () => ({ ok: true as const })),
    addReading: vi.fn(async () => ({ ok: true as const })),
    removeReading: vi.fn(async (_w, _m, _kpiId, readingId) => {
      data.readings = data.readings.filter((r) => r.id !== readingId);
      return { ok: true as const };
    }),
    setRaci: vi.fn(async () => ({
      ok: false as const,
      message:
        'Product is already Accountable for Sign-up; exactly one department is. Change that one first.',
    })),
    setDepartment: vi.fn(async (_w, name) => {
      data.myDepartment = name;
      return { ok: true as const };
    }),
    showKpis: vi.fn(async () => ({
      ok: true as const,
      message: 'KPI cards on the board: 1 made.',
    })),
    removeKpiCards: vi.fn(async () => ({ ok: true as const })),
    putRaci: vi.fn(async () => ({
      ok: false as const,
      title: 'Facilitators only',
      message:
        'Only this workshop’s facilitators (Alex) can put KPI cards or the RACI matrix on the board.',
    })),
    removeRaci: vi.fn(async () => ({ ok: true as const })),

    drawCurve: vi.fn(async () => {
      data.curve = {
        ...data.curve,
        drawn: true,
        basis: curveBasis(
          deriveCurveLines(
            data.personas,
            data.ratings,
            MAP.stages.map((s) => s.id),
          ),
        ),
      };
      return { ok: true as const, message: 'Curve drawn on the board: 1 point.' };
    }),
    addEmotionsLane: vi.fn(async () => ({ ok: true as const })),
    addKpiRow: vi.fn(async () => ({
      ok: true as const,
      message: 'A KPI row was added under the stage headers; the KPI cards go in it.',
    })),
    removeCurve: vi.fn(async () => {
      data.curve = { ...data.curve, drawn: false };
      return { ok: true as const, message: 'The curve was removed from the board.' };
    }),
  };
  return { data, useCases, changed: () => notify?.() };
}

afterEach(cleanup);

describe('InsightsTab', () => {
  it('shows the team mean per stage and updates after the participant rates', async () => {
    const { useCases } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    await screen.findByText('How does the customer feel?');
    expect(screen.getByLabelText(/Team: Very negative, mean −2.0/)).toBeTruthy();
    expect(screen.getByLabelText('Team: no ratings')).toBeTruthy();

    const group = screen.getByRole('group', { name: 'Your rating for Sign-up' });
    fireEvent.click(group.querySelector('[aria-label="Very positive (2)"]') as Element);
    await waitFor(() =>
      expect(screen.getByLabelText(/Team: Neutral, mean 0, spread 2.0, 2 ratings/)).toBeTruthy(),
    );
    expect(useCases.rate).toHaveBeenCalledWith(workshop, {
      mapId: 'm1',
      stageId: 's1',
      personaId: 'default',
      line: 'as-is',
      value: 2,
    });
    expect(group.querySelector('[aria-pressed="true"]')?.getAttribute('aria-label')).toBe(
      'Very positive (2)',
    );
  });

  it('shows a refused KPI with its message and keeps the form open', async () => {
    const { useCases } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a KPI' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'NPS' } });
    fireEvent.input(screen.getByLabelText('Baseline'), { target: { value: 'ten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
    expect(await screen.findByText('The baseline must be a number; got "ten".')).toBeTruthy();
    // Said as an error, under what it means: nothing was saved.
    expect(screen.getByRole('alert').textContent).toMatch(/^Not saved/);
    expect(screen.getByRole('button', { name: 'Save KPI' })).toBeTruthy();
  });

  it('says a change that failed outright (the board unreachable) was not confirmed, and stays usable', async () => {
    const { useCases } = fakeInsights();
    useCases.saveKpi = vi.fn(async () => {
      throw new Error('The board did not answer');
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a KPI' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'NPS' } });
    fireEvent.input(screen.getByLabelText('Target'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not confirmed/);
    expect(alert.textContent).toContain('The board did not answer');
    expect((screen.getByRole('button', { name: 'Save KPI' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('closes the form for a KPI saved whose cards did not follow, and says so as a warning', async () => {
    const { useCases } = fakeInsights();
    useCases.saveKpi = vi.fn(async () => ({
      ok: true as const,
      warning: true,
      message: 'Saved, but the KPI cards on the board were not updated: Refused.',
    }));
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a KPI' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'NPS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
    // Saved: the form is done with it (a second save would add a second KPI).
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save KPI' })).toBeNull());
    const notice = screen.getByText(/^Saved, but the KPI cards/).closest('.tp-notice');
    expect(notice?.classList.contains('tp-notice--warning')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds a reading to a KPI still listed, not to the one chosen before it was removed', async () => {
    const kpi = (id: string, name: string) => ({
      id,
      name,
      unit: '',
      baseline: 0,
      target: 10,
      direction: 'higher' as const,
      stageId: null,
    });
    const { data, useCases } = fakeInsights({ kpis: [kpi('k1', 'NPS'), kpi('k2', 'CSAT')] });
    useCases.removeKpi = vi.fn(async (_w, _m, kpiId) => {
      data.kpis = data.kpis.filter((k) => k.id !== kpiId);
      return { ok: true as const };
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.change(await screen.findByLabelText('Add a reading to'), {
      target: { value: 'k2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove KPI CSAT' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Remove KPI CSAT' })).toBeNull(),
    );
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add reading' }));
    await waitFor(() => expect(useCases.addReading).toHaveBeenCalledTimes(1));
    expect(vi.mocked(useCases.addReading).mock.calls[0]![2]).toMatchObject({
      kpiId: 'k1',
      value: '7',
    });
  });

  it('lists a KPI’s readings, newest first, and takes a mistyped one back', async () => {
    const { useCases } = fakeInsights({
      kpis: [
        {
          id: 'k1',
          name: 'NPS',
          unit: 'pts',
          baseline: 10,
          target: 30,
          direction: 'higher',
          stageId: 's1',
        },
      ],
      readings: [
        { id: 'r1', kpiId: 'k1', value: 12, date: '2026-10-01', source: 'Q3' },
        { id: 'r2', kpiId: 'k1', value: 990, date: '2026-11-01', source: '' },
      ],
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByText('2 readings'));
    const items = screen.getAllByRole('button', { name: /^Remove reading/ });
    expect(items.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Remove reading 990 pts of 2026-11-01',
      'Remove reading 12 pts of 2026-10-01',
    ]);
    fireEvent.click(items[0]!);
    expect(await screen.findByText('Reading removed.')).toBeTruthy();
    expect(useCases.removeReading).toHaveBeenCalledWith(workshop, MAP.id, 'k1', 'r2');
    expect(await screen.findByText('1 reading')).toBeTruthy();
  });

  it('explains a refused second Accountable', async () => {
    const { useCases } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    const select = await screen.findByLabelText('Sales');
    fireEvent.change(select, { target: { value: 'A' } });
    expect(await screen.findByText(/Product is already Accountable for Sign-up/)).toBeTruthy();
  });

  it('follows changes by others while open', async () => {
    const { data, useCases, changed } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    await screen.findByLabelText(/Team: Very negative, mean −2.0/);
    data.ratings.push(rating('u3', 's2', 1));
    changed();
    expect(await screen.findByLabelText(/Team: Positive, mean \+1.0/)).toBeTruthy();
  });

  it('lists silent departments and unheard stages', async () => {
    const { useCases } = fakeInsights({ departments: ['support', 'it'] });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText(/Not heard yet: IT/)).toBeTruthy();
    expect(screen.getByText('No department has added notes for: First use.')).toBeTruthy();
  });

  it('lists no unheard stages while nobody has picked a department: the notes are there, only not by department', async () => {
    const { useCases } = fakeInsights({
      departments: [],
      contributions: [{ stageId: 's1', department: null, kind: 'note' }],
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText('Nobody has picked a department yet.')).toBeTruthy();
    expect(screen.queryByText(/No department has added notes for/)).toBeNull();
  });

  it('saves the department and says how it is used', async () => {
    const { useCases } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.change(await screen.findByLabelText('Department'), { target: { value: 'product' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0] as Element);
    expect(await screen.findByText(/Saved as Product/)).toBeTruthy();
  });

  it('puts KPIs on the board and says what happened; a refusal is shown as it was said', async () => {
    const kpi = {
      id: 'k1',
      name: 'NPS',
      unit: '',
      baseline: 10,
      target: 40,
      direction: 'higher' as const,
      stageId: null,
    };
    const { useCases } = fakeInsights({ kpis: [kpi] });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show KPIs on the board' }));
    await screen.findByText('KPI cards on the board: 1 made.');
    // The outcome of what was just pressed takes focus: seen (scrolled to) and heard.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('KPI cards on the board: 1 made.'),
    );
    expect(useCases.showKpis).toHaveBeenCalledWith(workshop, 'm1');
    fireEvent.click(screen.getByRole('button', { name: 'Put RACI on the board' }));
    await screen.findByText(/Only this workshop’s facilitators \(Alex\)/);
    expect(useCases.putRaci).toHaveBeenCalledWith(workshop, 'm1');
    // The refusal's own title: nothing was being saved.
    expect(screen.getByRole('alert').textContent).toMatch(/^Facilitators only/);
  });

  it('titles a drawing that failed with what did not happen, not "Not saved"', async () => {
    const { useCases } = fakeInsights();
    useCases.drawCurve = vi.fn(async () => ({
      ok: false as const,
      title: 'Curve drawn in part',
      message: 'Only part of the curve was drawn; “Update curve” finishes it. Rate limited.',
    }));
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Draw curve on board' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Curve drawn in part/);
    expect(alert.textContent).toContain('“Update curve” finishes it. Rate limited.');
  });

  it('draws the curve, then offers Update and Remove, and says what happened', async () => {
    const { useCases } = fakeInsights();
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText('The curve is not on the board yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Draw curve on board' }));
    expect(await screen.findByText('Curve drawn on the board: 1 point.')).toBeTruthy();
    expect(useCases.drawCurve).toHaveBeenCalledWith(workshop, 'm1');
    expect(screen.getByText('The curve on the board shows these ratings.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove curve' }));
    expect(await screen.findByText('The curve was removed from the board.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Draw curve on board' })).toBeTruthy();
  });

  it('shows a participant the curve state without the buttons', async () => {
    const { useCases } = fakeInsights({
      curve: { drawn: true, basis: 'old', incomplete: false, canDraw: false, lines: true },
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText(/a facilitator’s panel updates it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Update curve' })).toBeNull();
  });

  it('offers an Emotions lane where the map has none', async () => {
    const { useCases } = fakeInsights();
    useCases.loadMaps = async () => [{ ...MAP, emotionsLane: false }];
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add an Emotions lane' }));
    await waitFor(() => expect(useCases.addEmotionsLane).toHaveBeenCalledWith(workshop, 'm1'));
    expect(screen.queryByRole('button', { name: 'Draw curve on board' })).toBeNull();
  });

  it('says points only where the board draws no lines', async () => {
    const { useCases } = fakeInsights({
      curve: { drawn: false, basis: '', incomplete: false, canDraw: true, lines: false },
    });
    render(<InsightsTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText(/drawn as points only/)).toBeTruthy();
  });
});

describe('the facilitator’s panel keeps a drawn curve current', () => {
  it('redraws once after ratings change, and not again for the same ratings', async () => {
    const { data, useCases, changed } = fakeInsights();
    data.curve = {
      drawn: true,
      basis: curveBasis(deriveCurveLines([], data.ratings, ['s1', 's2'])),
      incomplete: false,
      canDraw: true,
      lines: true,
    };
    const model = createInsightsTabModel(workshop, useCases, {
      redrawDelayMs: 0,
      redrawJitterMs: 0,
    });
    const close = model.open();
    await waitFor(() => expect(model.status.value.status).toBe('ready'));
    await new Promise((r) => setTimeout(r, 20));
    expect(useCases.drawCurve).not.toHaveBeenCalled();
    data.ratings.push(rating('u3', 's2', 1));
    changed();
    await waitFor(() => expect(useCases.drawCurve).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(model.curveStale.value).toBe(false));
    // Said, without taking the facilitator away from where they are.
    expect(model.message.value).toMatchObject({ tone: 'success', focus: false });
    changed();
    await new Promise((r) => setTimeout(r, 20));
    expect(useCases.drawCurve).toHaveBeenCalledTimes(1);
    close();
  });

  it('leaves the curve to facilitators', async () => {
    const { data, useCases, changed } = fakeInsights();
    data.curve = { drawn: true, basis: 'old', incomplete: false, canDraw: false, lines: true };
    const model = createInsightsTabModel(workshop, useCases, {
      redrawDelayMs: 0,
      redrawJitterMs: 0,
    });
    const close = model.open();
    await waitFor(() => expect(model.status.value.status).toBe('ready'));
    changed();
    await new Promise((r) => setTimeout(r, 30));
    expect(useCases.drawCurve).not.toHaveBeenCalled();
    close();
  });
});

describe('the facilitator’s panel keeps KPI cards on the board current', () => {
  const kpi = {
    id: 'k1',
    name: 'NPS',
    unit: '',
    baseline: 10,
    target: 40,
    direction: 'higher' as const,
    stageId: null,
  };
  const reading = (id: string, value: number) => ({
    id,
    kpiId: 'k1',
    value,
    date: '2026-12-01',
    source: '',
  });

  it('redraws the cards once when a participant adds a reading, quietly when nothing changed', async () => {
    const { data, useCases, changed } = fakeInsights({ kpis: [kpi], kpiCardsShown: true });
    let board = 0;
    useCases.showKpis = vi.fn(async () => {
      const made = data.readings.length - board;
      board = data.readings.length;
      return made === 0
        ? {
            ok: true as const,
            changed: false,
            message: 'KPI cards on the board: already current, nothing changed.',
          }
        : { ok: true as const, changed: true, message: 'KPI cards on the board: 1 updated.' };
    });
    const model = createInsightsTabModel(workshop, useCases, {
      redrawDelayMs: 0,
      redrawJitterMs: 0,
    });
    const close = model.open();
    // On opening: one check that the cards show what is stored; nothing changed, nothing said.
    await waitFor(() => expect(useCases.showKpis).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(model.message.value).toBeNull();
    data.readings.push(reading('r1', 30)); // a participant's panel saved it
    changed();
    await waitFor(() => expect(useCases.showKpis).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(model.message.value?.title).toBe('KPI cards on the board: 1 updated.'),
    );
    changed(); // the same KPIs and readings: no redraw
    await new Promise((r) => setTimeout(r, 20));
    expect(useCases.showKpis).toHaveBeenCalledTimes(2);
    close();
  });

  it('says the cards are behind when a redraw is refused or fails, and tries again on the next change only', async () => {
    const { data, useCases, changed } = fakeInsights({ kpis: [kpi], kpiCardsShown: true });
    useCases.showKpis = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, message: 'Rate limited.' })
      .mockRejectedValueOnce(new Error('The board did not answer.'));
    const model = createInsightsTabModel(workshop, useCases, {
      redrawDelayMs: 0,
      redrawJitterMs: 0,
    });
    const close = model.open();
    await waitFor(() => expect(model.message.value?.title).toBe('KPI cards not updated'));
    // Nothing the facilitator did was refused: a warning, with the reason and the way out.
    expect(model.message.value).toMatchObject({
      tone: 'warning',
      body: expect.stringMatching(/^Rate limited\. “Show KPIs on the board” draws them again\.$/),
    });
    changed(); // the same KPIs and readings: not tried again
    await new Promise((r) => setTimeout(r, 20));
    expect(useCases.showKpis).toHaveBeenCalledTimes(1);
    model.message.value = null;
    const shown = () => model.message.value; // read anew, past the null just set
    data.readings.push(reading('r1', 30));
    changed();
    await waitFor(() => expect(shown()?.body).toMatch(/The board did not answer\./));
    expect(shown()?.title).toBe('KPI cards not updated');
    changed(); // a failure that threw is not tried again in a loop either
    await new Promise((r) => setTimeout(r, 20));
    expect(useCases.showKpis).toHaveBeenCalledTimes(2);
    close();
  });

  it('leaves the cards alone where none are shown, or for a participant', async () => {
    for (const over of [
      { kpiCardsShown: false },
      {
        kpiCardsShown: true,
        curve: { drawn: false, basis: '', incomplete: false, canDraw: false, lines: true },
      },
    ]) {
      const { data, useCases, changed } = fakeInsights({ kpis: [kpi], ...over });
      const model = createInsightsTabModel(workshop, useCases, {
        redrawDelayMs: 0,
        redrawJitterMs: 0,
      });
      const close = model.open();
      await waitFor(() => expect(model.status.value.status).toBe('ready'));
      data.readings.push(reading('r1', 30));
      changed();
      await new Promise((r) => setTimeout(r, 30));
      expect(useCases.showKpis).not.toHaveBeenCalled();
      close();
    }
  });
});
