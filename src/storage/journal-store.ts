/**
 * The undo journal: before a batch changes existing items, the prior state of those items is
 * recorded here (status 'pending'), so undo works even if the batch stopped halfway or the panel
 * was closed. Lifecycle: record → markApplied → markUndone. A pending entry is undoable too: its
 * batch may have written some items before failing.
 *
 * Entries are opaque JSON (`unknown[]`): the use case that wrote them validates them on undo.
 */
import type { JournalOperation, JournalRow, JournalStatus, TouchpointDatabase } from './db';
import { tx } from './tx';
import type { TouchpointTransaction } from './tx';

export type JournalEntry = JournalRow;

export interface JournalRecordInput {
  boardId: string;
  operation: JournalOperation;
  /** Prior item states, JSON. */
  entries: unknown[];
}

export interface JournalStore {
  /** Records prior states before the first write of a batch; returns the entry ('pending'). */
  record(input: JournalRecordInput): Promise<JournalEntry>;
  /** Adds ids of items the batch created, so undo removes them too. Call as they are created. */
  addCreated(id: number, itemIds: readonly string[]): Promise<JournalEntry>;
  markApplied(id: number): Promise<JournalEntry>;
  markUndone(id: number): Promise<JournalEntry>;
  get(id: number): Promise<JournalEntry | undefined>;
  /** The newest entry of the board that is pending or applied: what "Undo" reverts. */
  latestUndoable(boardId: string): Promise<JournalEntry | undefined>;
  /** Newest first. */
  list(boardId: string): Promise<JournalEntry[]>;
}

export interface JournalStoreOptions {
  now?: () => number;
  /** Entries kept per board; older ones are dropped when a new one is recorded. Default 20. */
  keepPerBoard?: number;
}

/** Thrown for a transition the lifecycle does not allow, e.g. applying an undone batch. */
export class JournalStateError extends Error {
  override readonly name = 'JournalStateError';
}

const allowedFrom: Record<JournalStatus, readonly JournalStatus[]> = {
  pending: [],
  applied: ['pending', 'applied'],
  undone: ['pending', 'applied', 'undone'],
};

export function createJournalStore(
  db: TouchpointDatabase,
  options: JournalStoreOptions = {},
): JournalStore {
  const now = options.now ?? Date.now;
  const keepPerBoard = Math.max(1, options.keepPerBoard ?? 20);

  function update(
    id: number,
    doing: string,
    change: (row: JournalEntry) => JournalEntry,
  ): Promise<JournalEntry> {
    return tx(
      db,
      'readwrite',
      ['journal'],
      async (t) => {
        const row = await t.objectStore('journal').get(id);
        if (!row) throw new JournalStateError(`No undo journal entry ${id}.`);
        const next = { ...change(row), updatedAt: now() };
        await t.objectStore('journal').put(next);
        return next;
      },
      doing,
    );
  }

  function transition(id: number, status: JournalStatus): Promise<JournalEntry> {
    return update(id, 'update the undo history', (row) => {
      if (!allowedFrom[status].includes(row.status)) {
        throw new JournalStateError(
          `Undo journal entry ${id} is ${row.status}; cannot mark it ${status}.`,
        );
      }
      return { ...row, status };
    });
  }

  return {
    record: (input) => {
      const at = now();
      return tx(
        db,
        'readwrite',
        ['journal'],
        async (t) => {
          const store = t.objectStore('journal');
          const row: Omit<JournalEntry, 'id'> = {
            boardId: input.boardId,
            operation: input.operation,
            createdAt: at,
            updatedAt: at,
            status: 'pending',
            entries: input.entries,
            created: [],
          };
          // The key generator fills in `id`; the schema's value type insists on it being there.
          const id = await store.add(row as JournalEntry);
          await dropOldest(t, input.boardId, keepPerBoard);
          return { ...row, id };
        },
        'record the undo history',
      );
    },

    addCreated: (id, itemIds) =>
      update(id, 'record the undo history', (row) => ({
        ...row,
        created: [...row.created, ...itemIds.filter((itemId) => !row.created.includes(itemId))],
      })),

    markApplied: (id) => transition(id, 'applied'),
    markUndone: (id) => transition(id, 'undone'),

    get: (id) =>
      tx(
        db,
        'readonly',
        ['journal'],
        (t) => t.objectStore('journal').get(id),
        'read the undo history',
      ),

    latestUndoable: (boardId) =>
      tx(
        db,
        'readonly',
        ['journal'],
        async (t) => {
          // Within one board the index orders by primary key, i.e. by insertion: walk back.
          let cursor = await t.objectStore('journal').index('by-board').openCursor(boardId, 'prev');
          while (cursor) {
            if (cursor.value.status !== 'undone') return cursor.value;
            cursor = await cursor.continue();
          }
          return undefined;
        },
        'read the undo history',
      ),

    list: (boardId) =>
      tx(
        db,
        'readonly',
        ['journal'],
        async (t) => (await t.objectStore('journal').index('by-board').getAll(boardId)).reverse(),
        'read the undo history',
      ),
  };
}

/** Keeps the newest `keep` entries of a board; prior states of big batches are not small. */
async function dropOldest(
  t: TouchpointTransaction<'journal', 'readwrite'>,
  boardId: string,
  keep: number,
): Promise<void> {
  let cursor = await t.objectStore('journal').index('by-board').openCursor(boardId, 'prev');
  let seen = 0;
  while (cursor) {
    seen += 1;
    if (seen > keep) await cursor.delete();
    cursor = await cursor.continue();
  }
}
