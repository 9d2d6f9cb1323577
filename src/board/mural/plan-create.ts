/**
 * `create` ops on MURAL: creates of one type and parent that follow each other share an array
 * body (`CREATE_CHUNK` per request, `create-chunk.ts`; areas one each). What each request sends
 * is `create-body.ts`; its task (`create-request.ts`) adopts what an earlier attempt made when
 * the answer was lost (`adopt-made.ts`), and drops a field MURAL refuses on create for that widget
 * type, PATCHing it after.
 */
import type { WriteOp } from '../port';
import type { QueueTask } from '../write-queue';
import { TYPE_OF, type CreateOp } from './create-body';
import { joinsChunk, parentKeyOf } from './create-chunk';
import { createRequestRun } from './create-request';
import type { WriteBatch } from './write-batch';

/**
 * Every tag a new note needs gets its task before any create task: a chunk made for an earlier
 * note may take in a later note with tags, and a task may depend only on earlier ones.
 */
export function planNoteTags(batch: WriteBatch, live: readonly { op: WriteOp }[]): void {
  for (const { op } of live)
    if (op.op === 'create' && op.item.kind === 'note')
      for (const t of op.item.tags ?? []) batch.tagTask(t);
}

export function planCreate(batch: WriteBatch, index: number, op: CreateOp): void {
  const { ctx, refTask, chunk } = batch;
  const type = TYPE_OF[op.item.kind];
  const parentKey = parentKeyOf(op.parent);
  const tags = op.item.kind === 'note' ? (op.item.tags ?? []) : [];
  const deps = [
    ...(op.parent && 'ref' in op.parent ? [refTask.get(op.parent.ref)!] : []),
    ...tags.map(batch.tagTask),
  ];
  if (chunk !== null && joinsChunk(chunk, type, parentKey)) {
    chunk.items.push(index);
    chunk.task.deps = [...new Set([...(chunk.task.deps ?? []), ...deps])];
    refTask.set(op.ref, chunk.key);
    ctx.need(index, chunk.key, ...deps);
    return;
  }
  const key = `create:${index}`;
  const items = [index];
  refTask.set(op.ref, key);
  const task: QueueTask = { key, deps, run: createRequestRun(batch, type, items) };
  ctx.task(task, [index]);
  ctx.need(index, ...deps);
  batch.chunk = type !== 'area' ? { key, type, parent: parentKey, items, task } : null;
}
