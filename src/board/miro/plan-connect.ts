/**
 * A `connect` op on Miro: one `createConnector` call, adopting an earlier attempt's line on a
 * retry.
 */
import { OpError } from '../batch-engine';
import type { WriteBatch, OpOf } from './write-batch';

/** A line between two items, each existing (fetched) or made by a create earlier in the batch. */
export function planConnect(batch: WriteBatch, i: number, op: OpOf<'connect'>): void {
  const { ctx } = batch;
  const key = `connect:${i}`;
  const ends = [op.from, op.to];
  const endKeys = ends.map((end) =>
    'ref' in end ? `create:${ctx.refs.get(end.ref)}` : batch.fetchKey.get(end.id)!,
  );
  const endId = (end: (typeof ends)[number]): string => {
    if ('id' in end) return batch.fetchedItem(end.id).id;
    const item = batch.created.get(end.ref);
    if (!item) throw new OpError(`The item "${end.ref}" to join was not created.`);
    return item.id;
  };
  let attempts = 0;
  ctx.need(i, ...endKeys);
  ctx.task(
    {
      key,
      deps: [...new Set(endKeys)],
      run: async () => {
        attempts += 1;
        const [from, to] = [endId(op.from), endId(op.to)];
        const earlier = attempts > 1 ? await batch.findEarlierLine(from, to) : undefined;
        // Web SDK reference "Connector": both ends name an item (no loose or dangling
        // connectors) and give either a position or snapTo, never both.
        const line =
          earlier ??
          (await batch.board.createConnector({
            shape: 'straight',
            start: { item: from, snapTo: 'auto' },
            end: { item: to, snapTo: 'auto' },
            style: {
              strokeColor: op.style.color,
              strokeWidth: op.style.width,
              strokeStyle: op.style.dashed ? 'dashed' : 'normal',
              startStrokeCap: 'none',
              endStrokeCap: 'none',
            },
          }));
        batch.adopted.add(line.id);
        ctx.created(op.ref, line.id);
      },
    },
    [i],
  );
}
