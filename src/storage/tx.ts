import type { IDBPTransaction, StoreNames } from 'idb';
import type { TouchpointDB, TouchpointDatabase } from './db';
import { closedReason } from './db';
import { StorageError, toStorageError } from './storage-error';
import type { StorageAction } from './storage-error';

export type TouchpointTransaction<
  Name extends StoreNames<TouchpointDB>,
  Mode extends IDBTransactionMode,
> = IDBPTransaction<TouchpointDB, Name[], Mode>;

/**
 * Runs `fn` in one transaction and resolves once it has committed, so a resolved promise means
 * the data is on disk. All storage access goes through here.
 *
 * `fn` must await only requests of `t`: awaiting anything else (fetch, a timer, the board) lets
 * IndexedDB commit the transaction underneath it. Do the other work before or after `tx`.
 *
 * If `fn` throws, the transaction is aborted, so nothing it wrote is kept. IndexedDB failures
 * reject as a `StorageError`; other errors (bugs, validation) pass through unchanged.
 */
export async function tx<Name extends StoreNames<TouchpointDB>, Mode extends IDBTransactionMode, T>(
  db: TouchpointDatabase,
  mode: Mode,
  stores: Name[],
  fn: (t: TouchpointTransaction<Name, Mode>) => Promise<T>,
  action: StorageAction = 'use its local storage',
): Promise<T> {
  const closed = closedReason(db);
  if (closed) throw closed;

  let t: TouchpointTransaction<Name, Mode>;
  try {
    t = db.transaction(stores, mode);
  } catch (error) {
    throw closedReason(db) ?? toStorageError(error, action);
  }
  const done = t.done;
  // Observed here so an abort we cause is never reported as unhandled; awaited below.
  done.catch(() => undefined);

  let result: T;
  try {
    result = await fn(t);
  } catch (error) {
    try {
      t.abort();
    } catch {
      // Already aborted by the failing request, or already committed.
    }
    throw mapError(error, action);
  }
  try {
    await done;
  } catch (error) {
    throw toStorageError(t.error ?? error, action);
  }
  return result;
}

function mapError(error: unknown, action: StorageAction): unknown {
  if (error instanceof StorageError) return error;
  if (isIndexedDbFailure(error)) return toStorageError(error, action);
  return error;
}

/**
 * IndexedDB reports failures as DOMExceptions; old Firefox's quota error is an XPCOM exception
 * that is not one, so it is recognised by name.
 */
function isIndexedDbFailure(error: unknown): boolean {
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
  return (error as { name?: unknown } | null)?.name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
