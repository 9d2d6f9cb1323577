import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../board/miro/adapter';
import { createLocalBoard } from '../board/playground/sdk/local-board';
import { toStorageError } from '../storage';
import { openLocalStore, startWorkshop, type LocalStore } from './workshop';

describe('startWorkshop', () => {
  it('answers with the board side while the local store is still opening, then the whole workshop', async () => {
    const local = createLocalBoard();
    const board = createMiroBoard(local.connect({ id: 'u1', name: 'Ada' }));
    let openStore: (store: LocalStore) => void = () => undefined;
    const store = new Promise<LocalStore>((resolve) => (openStore = resolve));

    const { session, workshop } = await startWorkshop(board, store);
    expect(session.user).toMatchObject({ id: 'u1', name: 'Ada' });
    expect(session.info.id).toBe(local.state().boardId);
    let whole: unknown = null;
    void workshop.then((w) => (whole = w));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(whole).toBeNull();

    openStore({ db: null, problem: 'Private mode keeps no local data.' });
    const opened = await workshop;
    expect(opened.board).toBe(board);
    expect(opened.user).toBe(session.user);
    expect(opened.local.problem).toBe('Private mode keeps no local data.');
  });
});

describe('openLocalStore', () => {
  it('keeps a refusal as the storage layer words it, and never rejects', async () => {
    const refused = await openLocalStore(() =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    );
    expect(refused.db).toBeNull();
    expect(refused.problem).toBe(
      toStorageError(new DOMException('', 'QuotaExceededError')).message,
    );
  });
});
