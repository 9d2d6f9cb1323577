/**
 * The tag ops on Miro: a note's tag change (`tag`: the write, then its check), a tag made if
 * missing (`ensureTag`) and a rename (`renameTag`), over the batch's tag list.
 */
import { ellipsis, OpError } from '../batch-engine';
import { isRetryableError } from '../retry-policy';
import { MIRO_LIMITS } from './limits';
import type { WriteBatch, OpOf } from './write-batch';
import { isStickyNote, type SdkStickyNote } from './sdk';

/** Tags added to and removed from a sticky note, merged into the tags it carries. */
export function planTag(batch: WriteBatch, i: number, op: OpOf<'tag'>): void {
  const { ctx } = batch;
  const key = `tagItem:${i}`;
  const checkKey = `tagCheck:${i}`;
  const fetchK = batch.fetchKey.get(op.id)!;
  const add = [...new Set(op.add ?? [])];
  const remove = new Set(op.remove ?? []);
  const tagKeys = add.map(batch.ensureTask);
  const deps = ['tags', fetchK, ...tagKeys, ...batch.renameKeys, ...batch.after(op.id, checkKey)];
  ctx.need(i, 'tags', fetchK, ...tagKeys);
  const removeIds = (): Set<string> =>
    new Set([...remove].flatMap((t) => batch.tagsByTitle.get(t)?.id ?? []));
  const holds = (tagIds: readonly string[]): boolean => {
    const gone = removeIds();
    return add.every((t) => tagIds.includes(batch.tagId(t))) && !tagIds.some((id) => gone.has(id));
  };
  /** Merges this op into the note's tags and writes them; false when they already hold. */
  const write = async (note: SdkStickyNote): Promise<boolean> => {
    const gone = removeIds();
    const next = [
      ...new Set([...note.tagIds.filter((id) => !gone.has(id)), ...add.map(batch.tagId)]),
    ];
    if (next.length > MIRO_LIMITS.tagsPerItem) {
      throw new OpError(
        `A sticky note can carry at most ${MIRO_LIMITS.tagsPerItem} tags; this one would have ${next.length}.`,
      );
    }
    if (next.length === note.tagIds.length && next.every((id) => note.tagIds.includes(id)))
      return false;
    note.tagIds = next;
    const started = Date.now();
    await note.sync();
    roundTrip = Date.now() - started;
    return true;
  };
  // Miro replaces the whole tag list on sync: a participant who tagged the note between
  // our read and our write would lose their tag, or we ours. So the write is checked: a
  // write that crossed ours (read before ours landed) lands within about a round trip, so
  // the check reads the note two of our round trips later, without holding a slot
  // meanwhile, and merges again until our change holds on top of theirs.
  let roundTrip = 0;
  let wrote = false;
  let attempts = 0;
  ctx.task(
    {
      key,
      deps: [...new Set(deps)],
      run: async () => {
        attempts += 1;
        let item = batch.fetchedItem(op.id);
        if (attempts > 1) {
          // Read again: another participant may have tagged the note meanwhile.
          const [fresh] = await batch.board.get({ id: op.id });
          if (fresh) item = fresh;
        }
        if (!isStickyNote(item))
          throw new OpError(`Only sticky notes carry tags here, not a ${item.type}.`);
        const knownIds = new Set([...batch.tagsByTitle.values()].map((t) => t.id));
        const stale = item.tagIds.some((id) => !knownIds.has(id));
        if (stale && [...remove].some((t) => !batch.tagsByTitle.has(t))) {
          // The note carries a tag made after the list was read; it may be one to remove.
          for (const tag of await batch.env.loadTags()) {
            if (!batch.tagsByTitle.has(tag.title)) batch.tagsByTitle.set(tag.title, tag);
          }
        }
        wrote = await write(item);
      },
    },
    [i],
  );
  ctx.task(
    {
      key: checkKey,
      deps: [key],
      // At least a tick, even at no latency: the crossing write is already on its way.
      delayMs: () => (wrote ? Math.max(1, 2 * roundTrip) : 0),
      run: async () => {
        if (!wrote) return;
        for (let round = 0; ; round += 1) {
          const [now] = await batch.board.get({ id: op.id });
          if (!now || !isStickyNote(now) || holds(now.tagIds) || round >= 3) return;
          if (!(await write(now))) return;
          await new Promise((resolve) => setTimeout(resolve, 2 * roundTrip));
        }
      },
    },
    [i],
  );
}

/** A tag by title, made when the board has none. */
export function planEnsureTag(batch: WriteBatch, i: number, op: OpOf<'ensureTag'>): void {
  const { ctx } = batch;
  ctx.need(i, 'tags', batch.ensureTask(op.title));
}

/** A tag's new title; later tag tasks of the batch wait for it. */
export function planRenameTag(batch: WriteBatch, i: number, op: OpOf<'renameTag'>): void {
  const { ctx } = batch;
  const key = `rename:${i}`;
  ctx.need(i, 'tags');
  ctx.task(
    {
      key,
      deps: ['tags', ...batch.ensureKeys.values(), ...batch.renameKeys],
      run: async () => {
        let tag = batch.tagsByTitle.get(op.from);
        if (!tag) {
          // A retry after a rename whose answer was lost finds it done.
          const renamed = batch.tagsByTitle.get(op.to);
          if (renamed) return;
          throw new OpError(`No tag titled "${ellipsis(op.from)}" on this board.`);
        }
        if (op.from === op.to) return;
        if (batch.tagsByTitle.has(op.to)) {
          throw new OpError(
            `A tag titled "${ellipsis(op.to)}" already exists; Miro tag titles are unique.`,
          );
        }
        tag.title = op.to;
        try {
          await tag.sync();
        } catch (error) {
          // The object may be the adapter's cached tag: keep it true to the board, and
          // learn whether the rename took effect before its answer was lost.
          tag.title = op.from;
          if (!isRetryableError(error)) throw error;
          const fresh = (await batch.env.loadTags()).find((t) => t.id === tag!.id);
          if (fresh?.title !== op.to) throw error;
          tag = fresh;
        }
        batch.tagsByTitle.delete(op.from);
        batch.tagsByTitle.set(op.to, tag);
        batch.env.rememberTag(tag);
      },
    },
    [i],
  );
  batch.renameKeys.push(key);
}
