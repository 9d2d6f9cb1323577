import { describe, expect, it } from 'vitest';
import { StorageError, isQuotaError, toOpenError, toStorageError } from './storage-error';

describe('toStorageError', () => {
  it.each([
    ['Chrome / Safari', new DOMException('Quota exceeded', 'QuotaExceededError')],
    [
      'old Firefox',
      Object.assign(new Error('Quota reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }),
    ],
    ['Firefox legacy code', { name: 'Error', code: 1014, message: '' }],
    ['old Safari legacy code', { name: 'Error', code: 22, message: '' }],
    [
      'an abort carrying the quota error',
      Object.assign(new DOMException('', 'AbortError'), {
        cause: new DOMException('', 'QuotaExceededError'),
      }),
    ],
  ])('maps the quota error of %s to kind quota', (_browser, error) => {
    expect(isQuotaError(error) || isQuotaError((error as { cause?: unknown }).cause)).toBe(true);
    const mapped = toStorageError(error, 'save the snapshot');
    expect(mapped.kind).toBe('quota');
    expect(mapped.message).toMatch(/storage is full, so Touchpoint could not save the snapshot/);
    expect(mapped.message).toMatch(/nothing on the board was changed/);
    expect(mapped.cause).toBe(error);
  });

  it.each([
    ['SecurityError', 'The operation is insecure.'],
    [
      'InvalidStateError',
      'A mutation operation was attempted on a database that did not allow mutations.',
    ],
    ['UnknownError', 'The database could not be opened'],
  ])('maps %s while opening (private mode) to unavailable', (name, message) => {
    expect(toOpenError(new DOMException(message, name)).kind).toBe('unavailable');
  });

  it('does not read InvalidStateError after opening as private mode', () => {
    expect(toStorageError(new DOMException('', 'InvalidStateError')).kind).toBe('unknown');
    expect(toStorageError(new DOMException('', 'SecurityError')).kind).toBe('unavailable');
  });

  it('maps VersionError to version, others to unknown, and passes StorageError through', () => {
    expect(toStorageError(new DOMException('', 'VersionError')).kind).toBe('version');
    const unknown = toStorageError(new DOMException('', 'DataCloneError'), 'save the snapshot');
    expect(unknown.kind).toBe('unknown');
    expect(unknown.message).toBe(
      'Touchpoint could not save the snapshot (DataCloneError). Try again; nothing on the board was changed.',
    );
    const original = new StorageError('blocked', 'x');
    expect(toStorageError(original)).toBe(original);
    expect(isQuotaError(new DOMException('', 'AbortError'))).toBe(false);
  });
});
