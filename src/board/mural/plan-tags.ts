/**
 * Tag ops on MURAL: `tag` reads the widget's tags fresh, merges and writes the whole list;
 * `ensureTag` needs only the tag's task (`WriteBatch.tagTask`); `renameTag` PATCHes the tag.
 */
import { OpError } from '../batch-engine';
import type { WriteOp } from '../port';
import { unwrap } from './client';
import { parseWidget, pathOf, type MuralWidget } from './widgets';
import type { WriteBatch } from './write-batch';

export function planTag(batch: WriteBatch, index: number, op: WriteOp & { op: 'tag' }): void {
  const { env, client, base, tagIds, tagTask, idOfTag, fetchWidget } = batch;
  const adds = op.add ?? [];
  const deps = ['tags', ...adds.map(tagTask)];
  let current: MuralWidget | null = null;
  batch.single(index, op.id, deps, async () => {
    // Read fresh: MURAL replaces the whole list, so a stale read would drop others' tags.
    current ??= await fetchWidget(op.id);
    const path = pathOf(current.type);
    if (path === null) throw new OpError(`Item ${op.id} cannot carry tags.`);
    const removeIds = new Set((op.remove ?? []).flatMap((t) => tagIds.get(t) ?? []));
    const next = [...new Set([...current.tags, ...adds.map(idOfTag)])].filter(
      (id) => !removeIds.has(id),
    );
    const answer = parseWidget(
      unwrap(
        await client.request('PATCH', `${base}/widgets/${path}/${encodeURIComponent(op.id)}`, {
          tags: next,
        }),
      ),
    );
    if (answer) env.remember(answer);
    current = null;
  });
}

export function planEnsureTag(
  batch: WriteBatch,
  index: number,
  op: WriteOp & { op: 'ensureTag' },
): void {
  batch.ctx.need(index, 'tags', batch.tagTask(op.title));
}

export function planRenameTag(
  batch: WriteBatch,
  index: number,
  op: WriteOp & { op: 'renameTag' },
): void {
  const { env, client, base, tagIds } = batch;
  batch.single(index, `tag:${op.from}`, ['tags'], async () => {
    const tag = batch.tagList.find((t) => t.text === op.from);
    if (!tag) throw new OpError(`There is no tag "${op.from}" to rename.`);
    await client.request('PATCH', `${base}/tags/${encodeURIComponent(tag.id)}`, {
      text: op.to,
    });
    tag.text = op.to;
    tagIds.delete(op.from);
    tagIds.set(op.to, tag.id);
    env.rememberTags([tag]);
  });
}
