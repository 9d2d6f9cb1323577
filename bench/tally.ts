/**
 * Tally of a dot-voting round: 100 voters × 99 votes over 2,000 items (issue 5 §5; target
 * < 50 ms median). Ballots go in as parsed JSON, as read from the board's shared collection, so
 * the figure includes validating and trimming every ballot. Also: the same size as ranked picks
 * (weights 99…1), and dot stickers (1,000 dots over the 2,000 notes). Medians over RUNS runs
 * after a warm-up; never asserts. Run alone with `npx tsx bench/tally.ts`.
 */
import { pathToFileURL } from 'node:url';
import { countDotStickers, type PlacedItem } from '../src/domain/voting/count-dot-stickers';
import { tallyVotes, type TallyItem } from '../src/domain/voting/tally-votes';
import { toExportRound } from '../src/domain/voting/to-export-round';
import {
  createVoteRound,
  MAX_BALLOT_PLACES,
  type RoundSettings,
} from '../src/domain/voting/vote-round';

const ITEMS = 2000;
const VOTERS = 100;
const VOTES = 99;
const DOTS = 1000;
const RUNS = 25;
const NOW = '2026-11-22T10:00:00.000Z';

/** mulberry32: same seed, same ballots, so every run measures the same round. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Median wall-clock and CPU milliseconds; CPU time shows the cost when other work shares the cores. */
function measure(fn: () => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i += 1) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: round2(median(wall)), cpu: round2(median(cpu)) };
}

const time = (fn: () => unknown): number => measure(fn).wall;

export async function benchTally(): Promise<Record<string, number>> {
  const rand = seededRandom(20261122);
  const pick = () => `note-${Math.floor(rand() * ITEMS)}`;
  const itemIds = Array.from({ length: ITEMS }, (_, i) => `note-${i}`);
  const items: TallyItem[] = itemIds.map((id, i) => ({
    id,
    stageId: `stage-${i % 6}`,
    laneId: `lane-${i % 5}`,
    clusterId: i % 3 === 0 ? null : `cluster-${i % 40}`,
  }));
  const settings: RoundSettings = {
    title: 'Bench',
    target: { kind: 'map', refId: null, description: 'Whole map', itemIds },
    votesPerPerson: VOTES,
    perItemCap: null,
    weights: null,
    privacy: 'anonymous',
    durationMinutes: null,
  };
  // Today's anonymous design: ballots at random places under random keys.
  const context = {
    id: 'bench',
    now: NOW,
    createdBy: 'facilitator',
    anonymous: { kind: 'places' as const, places: MAX_BALLOT_PLACES },
  };
  const round = createVoteRound(settings, context);
  const ranked = createVoteRound(
    {
      ...settings,
      perItemCap: 1,
      weights: Array.from({ length: VOTES }, (_, i) => VOTES - i),
    },
    context,
  );

  // One vote per entry (repeats merge in validation), as a panel that cast 99 single votes writes.
  const ballots: unknown = JSON.parse(
    JSON.stringify(
      Array.from({ length: VOTERS }, (_, v) => ({
        roundId: 'bench',
        voterKey: `anon-${v.toString(36).padStart(22, '0')}`,
        updatedAt: NOW,
        votes: Array.from({ length: VOTES }, () => ({ itemId: pick(), count: 1 })),
      })),
    ),
  );
  const rankings: unknown = JSON.parse(
    JSON.stringify(
      Array.from({ length: VOTERS }, (_, v) => {
        const picks = new Set<string>();
        while (picks.size < VOTES) picks.add(pick());
        return {
          roundId: 'bench',
          voterKey: `anon-${v.toString(36).padStart(22, '0')}`,
          updatedAt: NOW,
          ranking: [...picks],
        };
      }),
    ),
  );
  const ballotList = ballots as unknown[];
  const rankingList = rankings as unknown[];

  const check = tallyVotes(round, ballotList, items);
  if (check.votesCast !== VOTERS * VOTES || check.voters !== VOTERS)
    throw new Error(`tally lost votes: ${check.votesCast} of ${VOTERS * VOTES}`);

  const notes: PlacedItem[] = itemIds.map((id, i) => ({
    id,
    kind: 'note',
    rect: { x: (i % 50) * 220, y: Math.floor(i / 50) * 220, w: 200, h: 200 },
    color: 'light_yellow',
  }));
  const dots: PlacedItem[] = Array.from({ length: DOTS }, (_, i) => ({
    id: `dot-${i}`,
    kind: 'dot',
    rect: { x: rand() * 50 * 220, y: rand() * 40 * 220, w: 24, h: 24 },
    color: i % 2 === 0 ? 'red' : 'blue',
  }));

  const main = measure(() => tallyVotes(round, ballotList, items));
  const results: Record<string, number> = {
    'tally, 100 voters × 99 votes, 2,000 items (ms, median)': main.wall,
    'same tally, CPU time (ms, median)': main.cpu,
    'tally, same as 99 ranked picks, weights 99…1 (ms, median)': time(() =>
      tallyVotes(ranked, rankingList, items),
    ),
    'toExportRound of that tally (ms, median)': time(() => toExportRound(round, check)),
    'dot stickers, 1,000 dots over 2,000 notes (ms, median)': time(() =>
      countDotStickers(dots, notes),
    ),
  };
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(60)} ${value}`);
  return Promise.resolve(results);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchTally();
}
