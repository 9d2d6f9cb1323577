/**
 * The mural's tags in one MURAL batch: one fresh read per batch that touches tags (the `tags`
 * task), and one task per title the batch needs, which makes the tag at most once (`tagTask`).
 */
import { isRecord } from '../../domain/common';
import { OpError, type PlanContext } from '../batch-engine';
import { listAll, unwrap } from './client';
import type { ApplyEnv, WriteBatch } from './write-batch';

export interface MuralTag {
  id: string;
  text: string;
}

export function parseTags(values: readonly unknown[]): MuralTag[] {
  return values.flatMap((v) =>
    isRecord(v) && typeof v.id === 'string' && typeof v.text === 'string'
      ? [{ id: v.id, text: v.text }]
      : [],
  );
}

export interface BatchTags {
  /** Tag ids by title: the batch's read, and the tags its tasks made. */
  readonly tagIds: Map<string, string>;
  /** The task that makes sure tag `title` exists (reading, or making it); its key. */
  tagTask(title: string): string;
  idOfTag(title: string): string;
}

export function createBatchTags(
  env: ApplyEnv,
  ctx: PlanContext,
  base: string,
  listCharged: (path: string) => Promise<unknown[]>,
): BatchTags {
  const tagIds = new Map<string, string>();
  const known = (title: string, tag: MuralTag): string => {
    tagIds.set(title, tag.id);
    env.rememberTags([tag]);
    return tag.id;
  };
  /** The tag an earlier attempt may have made before its answer was lost, if it is there. */
  const madeBefore = async (title: string): Promise<MuralTag | undefined> =>
    parseTags(await listCharged(`${base}/tags`)).find((t) => t.text === title);
  const make = async (title: string): Promise<string> => {
    const tag = parseTags([
      unwrap(await env.client.request('POST', `${base}/tags`, { text: title })),
    ])[0];
    if (!tag) throw new Error('MURAL answered a tag create without the tag.');
    return known(title, tag);
  };
  const tagTask = (title: string): string => {
    const key = `tag:${title}`;
    if (ctx.hasTask(key)) return key;
    let attempts = 0;
    const run = async () => {
      attempts += 1;
      if (tagIds.has(title)) return tagIds.get(title);
      if (attempts > 1) {
        const found = await madeBefore(title);
        if (found) return known(title, found);
      }
      return make(title);
    };
    ctx.task({ key, deps: ['tags'], run }, []);
    return key;
  };
  const idOfTag = (title: string): string => {
    const id = tagIds.get(title);
    if (id === undefined) throw new OpError(`Tag "${title}" is missing.`);
    return id;
  };
  return { tagIds, tagTask, idOfTag };
}

/** The batch's one read of the mural's tags (`batch.tagList`); titles it finds need no create. */
export function planTagRead(batch: WriteBatch): void {
  const { env, client, base, tagIds } = batch;
  batch.ctx.task(
    {
      key: 'tags',
      async run() {
        batch.tagList = parseTags(await listAll(client, `${base}/tags`, {}, batch.declaredOnce()));
        env.rememberTags(batch.tagList);
        for (const tag of batch.tagList) if (!tagIds.has(tag.text)) tagIds.set(tag.text, tag.id);
      },
    },
    [],
  );
}
