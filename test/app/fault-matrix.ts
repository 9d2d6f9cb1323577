/**
 * The fault matrix (issue 10): every bulk use case × each fault kind × positions in its write
 * calls (first, middle, last of the batch, and the storage writes after it), then a repair from a
 * fresh panel. Shared by the test (`fault-matrix.test.ts`, which asserts) and the bench (which
 * prints the counts).
 *
 * A case passes when, after the repair:
 * - the board equals the fault-free result item for item (kind, text, place, parent, tags,
 *   marker), so nothing is doubled and nothing is orphaned;
 * - undo (where the use case has one) restores the board before the change exactly;
 * - no run threw: every outcome is a value, and a message that says nothing changed is true.
 */
import { createMiroBoard } from '../../src/board/miro/adapter';
import { createLocalBoard } from '../../src/board/playground/sdk/local-board';
import type { LocalBoard } from '../../src/board/playground/sdk/local-board-types';
import type { Board } from '../../src/board/port';
import { createWriteQueue, MIRO_QUEUE_OPTIONS } from '../../src/board/write-queue';
import {
  FAULT_KINDS,
  withSdkFaults,
  type FaultInjector,
  type FaultKind,
  type FaultPlan,
} from '../fakes/faults';
import { FACILITATOR } from '../fakes/playground-board';

export interface MatrixUseCase {
  name: string;
  /** Resets what lives beside the board (this browser's undo journal) before each case. */
  begin?(): void;
  /** Brings the board to where the use case starts (fault-free). */
  setup(board: Board): Promise<void>;
  /** The use case as the facilitator starts it; returns its message (what the panel says). */
  run(board: Board): Promise<Said>;
  /** What the facilitator does from a fresh panel to finish (Update on board, Resume, …). */
  repair(board: Board): Promise<Said>;
  /** Undo of the change, where the use case offers one (or the edit that reverts it). */
  undo?(board: Board): Promise<Said>;
  /** The undo gives back the board before the change exactly (checked on the fault-free run). */
  exactUndo?: boolean;
  /** More write calls worth a fault, beyond `positionsOf` (e.g. a second batch's first call). */
  morePositions?(log: readonly string[]): number[];
  /** A new instance with its own state beside the board, for cases run side by side. */
  fresh?(): MatrixUseCase;
}

/** What a run told the facilitator: whether it claims it changed nothing. */
export interface Said {
  message: string;
  claimsNothingChanged: boolean;
}

export interface CaseResult {
  useCase: string;
  kind: FaultKind;
  at: number;
  /** Items on the board beyond the fault-free result (doubles and orphans). */
  extra: string[];
  /** Items of the fault-free result missing after the repair. */
  missing: string[];
  /** Differences between the board after undo and before the change. */
  undoDiff: string[];
  /** Thrown errors and untrue messages. */
  problems: string[];
  /** The lines of the fault-free result (tells a double from an orphan). */
  expectedLines: ReadonlySet<string>;
}

/** One line per item, independent of ids: kind, text, rounded box, parent's line, tags, marker. */
export function boardLines(local: LocalBoard): string[] {
  const items = local.items();
  const tags = new Map(local.tags().map((t) => [t.id, t.title]));
  const byId = new Map(items.map((i) => [i.id, i]));
  const label = (id: string | null): string => {
    const item = id === null ? undefined : byId.get(id);
    if (!item) return '-';
    const text = item.type === 'frame' ? item.title : 'content' in item ? item.content : '';
    return `${item.type}:${text}`;
  };
  const lines = items.map((item) => {
    const box = local.absoluteRect(item.id);
    const text =
      item.type === 'frame'
        ? item.title
        : item.type === 'connector'
          ? `${label(item.start.item)} → ${label(item.end.item)} ${JSON.stringify(item.style)}`
          : 'content' in item
            ? item.content
            : '';
    const itemTags =
      item.type === 'sticky_note'
        ? item.tagIds
            .map((t) => tags.get(t) ?? t)
            .sort()
            .join(',')
        : '';
    return [
      item.type,
      text,
      Math.round(box.x),
      Math.round(box.y),
      Math.round(box.width),
      Math.round(box.height),
      `in ${label(item.parentId)}`,
      itemTags,
      JSON.stringify(item.metadata),
    ].join(' | ');
  });
  const tagLines = [...local.tags()].map((t) => `tag | ${t.title}`);
  return [...lines, ...tagLines].sort();
}

/** Multiset difference a − b. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of b) counts.set(line, (counts.get(line) ?? 0) + 1);
  const out: string[] = [];
  for (const line of a) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else out.push(line);
  }
  return out;
}

const diff = (a: readonly string[], b: readonly string[]): string[] => [
  ...minus(a, b).map((l) => `+ ${l}`),
  ...minus(b, a).map((l) => `- ${l}`),
];

const fastQueue = () =>
  createWriteQueue({ ...MIRO_QUEUE_OPTIONS, sleep: () => Promise.resolve(), random: () => 0 });

/** A panel on the shared local board, optionally with a fault. */
function panel(local: LocalBoard, plan: FaultPlan | null) {
  const faulty = withSdkFaults(local.connect(FACILITATOR), plan);
  const board = createMiroBoard(faulty.sdk, { platform: 'playground', queue: fastQueue() });
  return { board, injector: faulty.injector };
}

/**
 * Where a case runs (the matrix is the same on every platform): a fresh board per case, panels on
 * it with or without a fault, and the board as lines (see `boardLines`).
 */
export interface MatrixWorld {
  panel(plan: FaultPlan | null): { board: Board; injector: FaultInjector };
  lines(): Promise<string[]>;
}
export type MatrixPlatform = () => Promise<MatrixWorld>;

/** The playground's local board through the Miro adapter, faults in its SDK. */
const MIRO_PLATFORM: MatrixPlatform = () => {
  const local = createLocalBoard();
  return Promise.resolve({
    panel: (plan) => panel(local, plan),
    lines: () => Promise.resolve(boardLines(local)),
  });
};

/** The fault-free run: the result to compare with, and its write calls (for positions). */
async function reference(useCase: MatrixUseCase, platform: MatrixPlatform) {
  useCase.begin?.();
  const world = await platform();
  await useCase.setup(world.panel(null).board);
  const before = await world.lines();
  const { board, injector } = world.panel(null);
  await useCase.run(board);
  const after = await world.lines();
  if (diff(after, before).length === 0)
    throw new Error(
      `${useCase.name}: the fault-free run changed nothing; the matrix would prove nothing.`,
    );
  const log = [...injector.log];
  let undone: string[] = [];
  if (useCase.undo) {
    await useCase.undo(world.panel(null).board);
    undone = await world.lines();
    // An undo that claims exactness must give back the board before the change.
    if (useCase.exactUndo && diff(undone, before).length > 0)
      throw new Error(
        `${useCase.name}: the fault-free undo is not exact: ${diff(undone, before).join('; ')}`,
      );
  }
  return { before, after, undone, log };
}

/**
 * Positions worth a fault: the first write, the middle and the last call of the batch, and each
 * storage write after the batch (the record, the index, the journal).
 */
export function positionsOf(log: readonly string[]): number[] {
  const isStorage = (name: string) => name.startsWith('storage.');
  let lastBoard = -1;
  log.forEach((name, i) => {
    if (!isStorage(name)) lastBoard = i;
  });
  let firstBoard = log.findIndex((name) => !isStorage(name));
  if (firstBoard < 0) firstBoard = 0;
  const positions = new Set<number>([0, firstBoard]);
  if (lastBoard >= 0) {
    positions.add(Math.floor((firstBoard + lastBoard) / 2));
    positions.add(lastBoard);
  }
  log.forEach((name, i) => {
    if (i > lastBoard && isStorage(name)) positions.add(i);
  });
  return [...positions].filter((p) => p < log.length).sort((a, b) => a - b);
}

const said = (outcome: Said | undefined): Said =>
  outcome ?? { message: '(the panel closed)', claimsNothingChanged: false };

async function runCase(
  useCase: MatrixUseCase,
  plan: FaultPlan,
  ref: Awaited<ReturnType<typeof reference>>,
  platform: MatrixPlatform,
): Promise<CaseResult> {
  const problems: string[] = [];
  useCase.begin?.();
  const world = await platform();
  await useCase.setup(world.panel(null).board);
  const { board, injector } = world.panel(plan);
  let first: Said | undefined;
  try {
    first = await Promise.race([useCase.run(board), injector.closed.then(() => undefined)]);
  } catch (error) {
    problems.push(`run threw: ${String(error)}`);
  }
  // A closed panel's requests already on the wire land before anyone reopens it: reopening takes
  // seconds, a request lands in milliseconds. Without this wait, on MURAL (a real HTTP server)
  // the fresh panel could read the board while the closed one's last requests were still in the
  // server's queue: two panels writing at once, a different case from a repair.
  await injector.settled();
  const afterRun = await world.lines();
  if (
    first?.claimsNothingChanged &&
    minus(afterRun, ref.before).length + minus(ref.before, afterRun).length > 0
  )
    problems.push(`run said "${first.message}" but the board changed`);
  // A fresh panel (this one reopened, or another participant's) repairs.
  const fresh = world.panel(null).board;
  try {
    said(await useCase.repair(fresh));
  } catch (error) {
    problems.push(`repair threw: ${String(error)}`);
  }
  const repaired = await world.lines();
  const extra = minus(repaired, ref.after);
  const missing = minus(ref.after, repaired);
  let undoDiff: string[] = [];
  if (useCase.undo) {
    let undoSaid: Said | undefined;
    try {
      undoSaid = await useCase.undo(world.panel(null).board);
    } catch (error) {
      problems.push(`undo threw: ${String(error)}`);
    }
    undoDiff = diff(await world.lines(), ref.undone);
    // What the undo said, for a failure to say why.
    if (undoDiff.length > 0 && undoSaid) problems.push(`undo said "${undoSaid.message}"`);
  }
  return {
    useCase: useCase.name,
    kind: plan.kind,
    at: plan.at,
    extra,
    missing,
    undoDiff,
    problems,
    expectedLines: new Set(ref.after),
  };
}

/**
 * Every case of one use case (on the playground's board unless `platform` says), `concurrency`
 * cases at a time (each on its own board, with its own `fresh` instance of the use case).
 */
export async function runMatrix(
  useCase: MatrixUseCase,
  platform: MatrixPlatform = MIRO_PLATFORM,
  concurrency = 1,
): Promise<CaseResult[]> {
  const ref = await reference(useCase, platform);
  const positions = new Set([...positionsOf(ref.log), ...(useCase.morePositions?.(ref.log) ?? [])]);
  const plans = FAULT_KINDS.flatMap((kind) =>
    [...positions].sort((a, b) => a - b).map((at): FaultPlan => ({ kind, at })),
  );
  const results: CaseResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < plans.length; i = next++) {
      const instance = concurrency > 1 && useCase.fresh ? useCase.fresh() : useCase;
      results[i] = await runCase(instance, plans[i]!, ref, platform);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}

/** Failing cases, without the fault-free lines (so a test failure prints only what matters). */
export const failedCases = (results: readonly CaseResult[]) =>
  results
    .filter((r) => r.extra.length + r.missing.length + r.undoDiff.length + r.problems.length > 0)
    .map(({ expectedLines: _, ...rest }) => rest);
