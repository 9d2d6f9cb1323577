import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VoteContext, VotableItem } from '../../app/voting/vote-items';
import { deriveRoundView, type VotingState } from '../../app/voting/voting-view';
import type { AnonymousDesign } from '../../app/voting/anonymity-limits';
import type { Workshop } from '../../app/workshop';
import type { Action } from '../../domain/actions/action';
import { validateAction } from '../../domain/actions/validate-action';
import { randomVoterKey } from '../../domain/voting/anonymous-voter-key';
import { createBallot, type Ballot } from '../../domain/voting/ballot';
import { castVote, retractVote } from '../../domain/voting/cast-vote';
import { endRound, revealRound } from '../../domain/voting/round-lifecycle';
import { validateRoundSettings } from '../../domain/voting/validate-round-settings';
import { createVoteRound, type VoteRound } from '../../domain/voting/vote-round';
import { VoteTab } from './VoteTab';
import type { VoteUseCases } from './vote-tab-model';

const T = '2026-11-22T10:00:00.000Z';
const ME = { id: 'u1', name: 'Ada' };
const workshop = {
  info: { id: 'b1', name: 'Board' },
  user: ME,
  platform: 'playground',
} as unknown as Workshop;

const note = (id: string, text: string, stageId: string | null = null): VotableItem => ({
  id,
  text,
  kind: 'note',
  rect: { x: 0, y: 0, w: 10, h: 10 },
  memberIds: [],
  stageId,
  laneId: null,
  clusterId: null,
});
const context: VoteContext = {
  notes: [
    note('n1', 'Slow checkout', 's1'),
    note('n2', '<img src=x onerror=alert(1)>'),
    note('n3', 'Hidden fees', 's2'),
  ],
  clusters: null,
  mapNoteIds: ['n1', 'n2', 'n3'],
  hasMap: false,
  maps: [],
  stages: [
    { id: 's1', name: 'Awareness', notes: 1, mapId: 'm', mapName: 'Journey' },
    { id: 's2', name: 'Purchase', notes: 1, mapId: 'm', mapName: 'Journey' },
  ],
  lanes: [],
};

/** An in-memory board for the tab: rounds and ballots kept here, tallied by the real domain. */
function fakeUseCases(others: Record<string, Ballot> = {}, design: AnonymousDesign = 'places') {
  let rounds: VoteRound[] = [];
  const mine = new Map<string, Ballot>();
  let actions: Action[] = [];
  const listeners = new Set<(s: VotingState) => void>();
  const state = (): VotingState => ({
    status: 'ready',
    context,
    selectedIds: ['n3'],
    rounds: rounds.map((round) => {
      const ballots = new Map<string, unknown>(
        Object.entries(others).filter(([, b]) => b.roundId === round.id),
      );
      const my = mine.get(round.id);
      if (my) ballots.set(ME.id, my);
      return deriveRoundView(round, ballots, context, ME, 'Ada', my, T);
    }),
  });
  const emit = () => listeners.forEach((fn) => fn(state()));
  const useCases: VoteUseCases = {
    openView: () => ({
      state,
      subscribe: (fn) => (listeners.add(fn), () => listeners.delete(fn)),
      async vote(round, itemId, delta) {
        const key = round.anonymous ? randomVoterKey(new Uint8Array(14).fill(9)) : ME.id;
        const current = mine.get(round.id) ?? createBallot(round, key, T);
        const change =
          delta > 0 ? castVote(current, itemId, round, T) : retractVote(current, itemId, round, T);
        if (!change.ok) return { ok: false, reason: change.reason, notices: [] };
        mine.set(round.id, change.ballot);
        emit();
        return { ok: true, ballot: change.ballot, remaining: 0, notices: [] };
      },
      close: () => undefined,
    }),
    startRound: vi.fn(async (_w, settings: unknown) => {
      const checked = validateRoundSettings(settings);
      if (!checked.ok) return { ok: false as const, reason: 'invalid', problems: checked.problems };
      const round = createVoteRound(checked.settings, {
        id: `r${rounds.length + 1}`,
        now: T,
        createdBy: ME.id,
        anonymous:
          design === 'platform'
            ? { kind: 'platform', sessionId: 'vs1' }
            : { kind: 'places', places: 24 },
      });
      rounds = [...rounds, round];
      emit();
      return { ok: true as const, round };
    }),
    async changeRound(_w, roundId, change) {
      const round = rounds.find((r) => r.id === roundId)!;
      const next = change === 'end' ? endRound(round, T) : revealRound(round, T);
      if (!next.ok) return next;
      rounds = rounds.map((r) => (r.id === roundId ? next.round : r));
      emit();
      return next;
    },
    deleteRound: async () => undefined,
    anonymousDesign: () => design,
    otherSources: async () => ({
      dots: [{ itemId: 'n3', count: 2 }],
      unplacedDots: 0,
      native: [],
      nativeAvailable: false,
    }),
    placeBadges: vi.fn(async () => ({ ok: true as const, placed: 2, skipped: 0 })),
    removeBadges: async () => ({ ok: true as const, placed: 0, skipped: 0 }),
    loadActions: async () => ({ actions, unreadable: 0 }),
    watchActions: () => () => undefined,
    saveAction: vi.fn(async (_w, input: unknown) => {
      const checked = validateAction(input);
      if (!checked.ok) return { ok: false as const, problems: checked.problems };
      actions = [...actions.filter((a) => a.id !== checked.action.id), checked.action];
      return { ok: true as const, action: checked.action };
    }),
    deleteAction: async () => undefined,
    putActionsOnBoard: async () => ({ ok: true as const, frameId: 'f1' }),
    removePlanFromBoard: async () => ({ ok: true as const, frameId: '' }),
  };
  return useCases;
}

afterEach(cleanup);

async function startOpenRound(useCases: VoteUseCases, privacy = 'Open') {
  render(<VoteTab workshop={workshop} useCases={useCases} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Start a round…' }));
  fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Pain points' } });
  fireEvent.click(screen.getByLabelText(new RegExp(`^${privacy}`)));
  fireEvent.click(screen.getByRole('button', { name: 'Start round' }));
  await screen.findByText('Round “Pain points” started.');
}

describe('VoteTab', () => {
  it('shows an empty state, then starts a round with the form and lets me vote within my budget', async () => {
    const useCases = fakeUseCases();
    render(<VoteTab workshop={workshop} useCases={useCases} />);
    expect(await screen.findByText('No voting rounds yet')).toBeTruthy();
    cleanup();
    await startOpenRound(useCases);
    expect(vi.mocked(useCases.startRound).mock.calls[0]![1]).toMatchObject({
      title: 'Pain points',
      votesPerPerson: 3,
      perItemCap: 1,
      privacy: 'open',
      target: { kind: 'map', itemIds: ['n1', 'n2', 'n3'] },
    });
    expect(screen.getByTestId('budget').textContent).toBe('3 of 3 votes left');
    expect(screen.getByText('Started by you')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Vote for: Slow checkout' }));
    await waitFor(() => expect(screen.getByTestId('budget').textContent).toBe('2 of 3 votes left'));
    // The cap is enforced by the domain and the reason is shown.
    fireEvent.click(screen.getByRole('button', { name: 'Vote for: Slow checkout' }));
    expect(await screen.findByText('At most 1 vote on one item.')).toBeTruthy();
    // Vote on the board's selection (n3).
    fireEvent.click(screen.getByRole('button', { name: /Vote for the selected note/ }));
    expect(await screen.findByText('Voted for 1 selected note.')).toBeTruthy();
    expect(screen.getByTestId('budget').textContent).toBe('1 of 3 votes left');
    // Open round: who voted for what is shown.
    expect(screen.getByText('Who voted for what')).toBeTruthy();
    expect(screen.getByText(/Slow checkout; Hidden fees/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take back a vote from: Slow checkout' }));
    await waitFor(() => expect(screen.getByTestId('budget').textContent).toBe('2 of 3 votes left'));
  });

  it('says what anonymous means on this board, in the form and on the round', async () => {
    const places = fakeUseCases();
    render(<VoteTab workshop={workshop} useCases={places} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start a round…' }));
    expect(screen.queryByTestId('anonymity-limits')).toBeNull();
    fireEvent.click(screen.getByLabelText(/^Anonymous/));
    expect(screen.getByTestId('anonymity-limits').textContent).toMatch(
      /One ballot per browser, not per person/,
    );
    cleanup();

    const platform = fakeUseCases({}, 'platform');
    await startOpenRound(platform, 'Anonymous');
    expect(screen.getByTestId('round-anonymity-limits').textContent).toMatch(
      /cannot be taken back/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Vote for: Slow checkout' }));
    await waitFor(() => expect(screen.getByTestId('budget').textContent).toBe('2 of 3 votes left'));
    const takeBack = screen.getByRole('button', { name: 'Take back a vote from: Slow checkout' });
    expect((takeBack as HTMLButtonElement).disabled).toBe(true);
  });

  it('renders note text as text, never as HTML', async () => {
    const useCases = fakeUseCases();
    await startOpenRound(useCases);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('.tp-vote-tab img')).toBeNull();
  });

  it('hides a secret round’s totals until the reveal, then charts them with ties marked', async () => {
    const other: Ballot = {
      roundId: 'r1',
      voterKey: 'u2',
      updatedAt: T,
      votes: [{ itemId: 'n3', count: 1 }],
    };
    const useCases = fakeUseCases({ u2: other });
    await startOpenRound(useCases, 'Secret until reveal');
    fireEvent.click(screen.getByRole('button', { name: 'Vote for: Slow checkout' }));
    await waitFor(() =>
      expect(screen.getByTestId('round-progress').textContent).toBe(
        '2 people voted · 2 votes cast',
      ),
    );
    expect(screen.getByText(/Totals stay hidden/)).toBeTruthy();
    expect(screen.queryByTestId('results-chart')).toBeNull();
    // The starter sees who has voted in a secret round.
    expect(
      within(screen.getByRole('list', { name: 'Who has voted' })).getAllByRole('listitem'),
    ).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Reveal results' }));
    const chart = await screen.findByTestId('results-chart');
    const bars = within(chart as unknown as HTMLElement).getAllByTestId('results-bar');
    expect(bars).toHaveLength(2);
    expect(bars[0]!.textContent).toContain('=1');
    expect(screen.getByText('By stage')).toBeTruthy();
    expect(screen.getByText('Awareness 1 · Purchase 1')).toBeTruthy();
    // Secret rounds never show who voted for what, even once revealed.
    expect(screen.queryByText('Who voted for what')).toBeNull();
    const asText = within(screen.getByRole('list', { name: 'Results as a list' })).getAllByRole(
      'listitem',
    );
    expect(asText.map((li) => li.textContent)).toEqual([
      'Rank 1 (tied): Slow checkout, 1 vote',
      'Rank 1 (tied): Hidden fees, 1 vote',
    ]);
    expect(screen.getByText('Revealed', { selector: '.tp-round__head .tp-chip' })).toBeTruthy();

    // Dot stickers join the results, marked by source.
    fireEvent.click(screen.getByRole('button', { name: 'Add dot stickers' }));
    expect(await screen.findByText('Dot stickers')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Badges on board' }));
    await waitFor(() => expect(useCases.placeBadges).toHaveBeenCalled());
    expect(vi.mocked(useCases.placeBadges).mock.calls[0]![2]).toEqual([
      { itemId: 'n3', count: 3 },
      { itemId: 'n1', count: 1 },
    ]);
  });

  it('drafts actions from the top results, saves one with owner and scores, and shows it in the 2 × 2', async () => {
    const other: Ballot = {
      roundId: 'r1',
      voterKey: 'u2',
      updatedAt: T,
      votes: [{ itemId: 'n3', count: 1 }],
    };
    const useCases = fakeUseCases({ u2: other });
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: 'Draft actions from the top 3' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Fill in' }));
    expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe('Hidden fees');
    fireEvent.change(screen.getByLabelText('Owner team'), { target: { value: '__custom__' } });
    fireEvent.input(screen.getByLabelText('Team name'), { target: { value: 'Billing squad' } });
    fireEvent.change(screen.getByLabelText('Impact (1–5)'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Feasibility (1–5)'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    await screen.findByTestId('action-row');
    expect(vi.mocked(useCases.saveAction).mock.calls[0]![1]).toMatchObject({
      title: 'Hidden fees',
      ownerTeam: 'Billing squad',
      impact: 5,
      feasibility: 4,
      sourceItemIds: ['n3'],
    });
    const quickWins = screen.getByRole('region', { name: 'Quick wins' });
    expect(within(quickWins).getByText('Hidden fees')).toBeTruthy();
  });

  it('starts a new action outside "Money pits", and warns about a due date that has passed', async () => {
    const useCases = fakeUseCases();
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: /^Action plan/ }));
    fireEvent.click(screen.getByRole('button', { name: '+ New action' }));
    expect(screen.getByTestId('action-quadrant').textContent).toContain('Big bets');
    fireEvent.input(screen.getByLabelText('Action'), { target: { value: 'Show fees upfront' } });
    expect(screen.queryByText(/has already passed/)).toBeNull();
    fireEvent.input(screen.getByLabelText('Due'), { target: { value: '2020-03-01' } });
    const warning = screen.getByText(/2020-03-01 has already passed/);
    expect(warning.getAttribute('role')).toBe('status');
    expect(screen.getByLabelText('Due').getAttribute('aria-describedby')).toBe(warning.id);
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    const row = await screen.findByTestId('action-row');
    expect(within(row).getByTestId('action-overdue').textContent).toContain(
      'Overdue: was due 2020-03-01',
    );
    const moneyPits = screen.getByRole('region', { name: 'Money pits' });
    expect(within(moneyPits).queryByText('Show fees upfront')).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Big bets' })).getByText('Show fees upfront'),
    ).toBeTruthy();
  });

  it('does not warn that a done action’s past due date makes it overdue (the list does not mark it)', async () => {
    const useCases = fakeUseCases();
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: /^Action plan/ }));
    fireEvent.click(screen.getByRole('button', { name: '+ New action' }));
    fireEvent.input(screen.getByLabelText('Action'), { target: { value: 'Fees shown upfront' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'done' } });
    fireEvent.input(screen.getByLabelText('Due'), { target: { value: '2020-03-01' } });
    expect(screen.queryByText(/has already passed/)).toBeNull();
    expect(screen.getByLabelText('Due').getAttribute('aria-describedby')).toBeNull();
    // Back to "Doing", it is overdue again and the form says so.
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'doing' } });
    expect(screen.getByText(/2020-03-01 has already passed/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    const row = await screen.findByTestId('action-row');
    expect(within(row).queryByTestId('action-overdue')).toBeNull();
  });

  it('shows why an action was not saved under its field, until that field is edited', async () => {
    const useCases = fakeUseCases();
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: /^Action plan/ }));
    fireEvent.click(screen.getByRole('button', { name: '+ New action' }));
    // Another team, left unnamed.
    fireEvent.change(screen.getByLabelText('Owner team'), { target: { value: '__custom__' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    const title = screen.getByLabelText('Action');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The action needs a title.')).toBeTruthy();
    const teamError = screen.getByText('Choose the team that owns the action.');
    // The team box under "Owner team" is where the fix goes: the error speaks of it too.
    const teamName = screen.getByLabelText('Team name');
    expect(teamName.getAttribute('aria-invalid')).toBe('true');
    expect(teamName.getAttribute('aria-describedby')).toBe(teamError.id);
    fireEvent.input(title, { target: { value: 'Show fees upfront' } });
    // The title's error goes with the edit; the team's stays until it is edited or saved again.
    expect(screen.queryByText('The action needs a title.')).toBeNull();
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Choose the team that owns the action.')).toBeTruthy();
  });

  it('does not mark an action due in two weeks (the default) as overdue', async () => {
    const useCases = fakeUseCases();
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: /^Action plan/ }));
    fireEvent.click(screen.getByRole('button', { name: '+ New action' }));
    fireEvent.input(screen.getByLabelText('Action'), { target: { value: 'Later' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    await screen.findByTestId('action-row');
    expect(screen.queryByTestId('action-overdue')).toBeNull();
  });

  it('moves focus into the round form as it opens, and onto the new round once started', async () => {
    const useCases = fakeUseCases();
    render(<VoteTab workshop={workshop} useCases={useCases} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start a round…' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Pain points' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start round' }));
    await screen.findByText('Round “Pain points” started.');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 3, name: 'Pain points' }),
      ),
    );
    // Picking the round again from the list does not pull focus away from the list.
    const item = screen.getByRole('button', { name: /Pain points/ });
    item.focus();
    fireEvent.click(item);
    expect(document.activeElement).toBe(item);
  });

  it('moves focus into the action form as it opens, for a new action and for a draft', async () => {
    const useCases = fakeUseCases({
      u2: { roundId: 'r1', voterKey: 'u2', updatedAt: T, votes: [{ itemId: 'n3', count: 1 }] },
    });
    await startOpenRound(useCases);
    fireEvent.click(screen.getByRole('button', { name: 'Draft actions from the top 3' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Fill in' }));
    const title = screen.getByLabelText('Action') as HTMLInputElement;
    expect(title.value).toBe('Hidden fees');
    expect(document.activeElement).toBe(title);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: '+ New action' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Action'));
  });
});
