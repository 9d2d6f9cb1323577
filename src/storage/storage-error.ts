/**
 * Every failure of local storage reaches callers as a `StorageError`: a `kind` the code can branch
 * on and a `message` a facilitator can act on. Browsers disagree on names and codes for the same
 * condition, so the mapping from DOMException to kind lives here and nowhere else.
 */

export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/**
 * What the failed operation was doing, in words that finish "Touchpoint could not …", and
 * optionally what that means for the user instead of "nothing on the board was changed".
 */
export type StorageAction = string | { doing: string; consequence: string };

const DEFAULT_ACTION = 'use its local storage';
const DEFAULT_CONSEQUENCE = 'nothing on the board was changed';

function wordsFor(action: StorageAction): { doing: string; consequence: string } {
  return typeof action === 'string' ? { doing: action, consequence: DEFAULT_CONSEQUENCE } : action;
}

export function quotaError(action: StorageAction = 'save', cause?: unknown): StorageError {
  const { doing, consequence } = wordsFor(action);
  return new StorageError(
    'quota',
    `Your browser's storage is full, so Touchpoint could not ${doing}. Free some disk space or ` +
      `delete old snapshots in the Export tab; ${consequence}.`,
    { cause },
  );
}

export function blockedError(cause?: unknown): StorageError {
  return new StorageError(
    'blocked',
    'Touchpoint is open in another tab that uses an older version of its local storage. Close ' +
      'the other Touchpoint tabs, then reload this one; nothing on the board was changed.',
    { cause },
  );
}

export function unavailableError(cause?: unknown): StorageError {
  return new StorageError(
    'unavailable',
    'This browser does not let Touchpoint keep local data (private browsing, or site data ' +
      'turned off). Snapshots, history, undo after a reload and settings are unavailable; the ' +
      'board itself is not affected.',
    { cause },
  );
}

/** The data on disk was written by a newer Touchpoint than the one running in this tab. */
export function newerVersionError(cause?: unknown): StorageError {
  return new StorageError(
    'version',
    "This browser's Touchpoint data was saved by a newer version of Touchpoint. Reload this " +
      'tab to get the newer version; nothing was changed.',
    { cause },
  );
}

/** Another tab opened a newer Touchpoint, so this tab let go of its connection. */
export function supersededError(cause?: unknown): StorageError {
  return new StorageError(
    'version',
    'Touchpoint was updated in another tab. Reload this tab to keep saving snapshots and ' +
      'history; your saved data is kept.',
    { cause },
  );
}

/** The browser closed the database on its own (storage cleared, disk removed, crash). */
export function terminatedError(cause?: unknown): StorageError {
  return new StorageError(
    'unavailable',
    "The browser closed Touchpoint's local storage (site data cleared or the disk went away). " +
      'Reload this tab to continue; the board itself is not affected.',
    { cause },
  );
}

function unknownError(action: StorageAction, cause: unknown): StorageError {
  const { doing, consequence } = wordsFor(action);
  const detail = errorName(cause);
  return new StorageError(
    'unknown',
    `Touchpoint could not ${doing}${detail ? ` (${detail})` : ''}. Try again; ${consequence}.`,
    { cause },
  );
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name: unknown = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

function errorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const message: unknown = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

/**
 * Chrome and Safari say `QuotaExceededError` (legacy code 22); old Firefox says
 * `NS_ERROR_DOM_QUOTA_REACHED` (code 1014); a write that overflows aborts its transaction, so the
 * quota error may also arrive as the transaction's error behind an `AbortError`.
 */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  const code = errorCode(error);
  if (code === 22 || code === 1014) return true;
  return /quota/i.test(errorMessage(error));
}

/** Sandboxed frames and site data turned off refuse IndexedDB at any step with these. */
function isRefusedError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'SecurityError' || name === 'NotAllowedError';
}

/**
 * Opening in a private mode: Firefox refuses with `InvalidStateError`, old Safari with an
 * `UnknownError` about the database not opening. After opening, the same names mean a bug or a
 * closed connection, not private mode, so only `toOpenError` reads them this way.
 */
function isPrivateModeOpenError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'InvalidStateError') return true;
  return name === 'UnknownError' && /(open|create|connect)/i.test(errorMessage(error));
}

/** Turns anything thrown by IndexedDB into a `StorageError`; a `StorageError` passes through. */
export function toStorageError(
  error: unknown,
  action: StorageAction = DEFAULT_ACTION,
): StorageError {
  if (error instanceof StorageError) return error;
  const cause: unknown = (error as { cause?: unknown } | null)?.cause;
  if (isQuotaError(error) || (cause !== undefined && isQuotaError(cause))) {
    return quotaError(action, error);
  }
  if (errorName(error) === 'VersionError') return newerVersionError(error);
  if (isRefusedError(error)) return unavailableError(error);
  return unknownError(action, error);
}

/** Like `toStorageError`, for a failure to open the database. */
export function toOpenError(error: unknown): StorageError {
  if (!(error instanceof StorageError) && isPrivateModeOpenError(error)) {
    return unavailableError(error);
  }
  return toStorageError(error, 'open its local storage');
}
