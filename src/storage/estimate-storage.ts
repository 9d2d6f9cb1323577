/**
 * What the browser says about this origin's storage, for the history panel's budget line
 * ("12 MB of about 2 GB used"), and a request that the browser not evict it under pressure.
 * Both are hints: browsers round, omit or refuse them, so every answer may be `undefined`.
 */

export interface StorageEstimateFigures {
  usageBytes: number;
  quotaBytes: number;
}

type StorageManagerLike = Pick<StorageManager, 'estimate'> &
  Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

function defaultManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

export async function estimateStorage(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<StorageEstimateFigures | undefined> {
  if (!manager) return undefined;
  try {
    const { usage, quota } = await manager.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return undefined;
    return { usageBytes: usage, quotaBytes: quota };
  } catch {
    return undefined;
  }
}

/**
 * Asks the browser to keep Touchpoint's data when space runs low (local history is the only copy).
 * Resolves whether storage is persistent; `undefined` when the browser cannot say.
 */
export async function requestPersistentStorage(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<boolean | undefined> {
  if (!manager?.persist) return undefined;
  try {
    if (manager.persisted && (await manager.persisted())) return true;
    return await manager.persist();
  } catch {
    return undefined;
  }
}
