/**
 * The tags of an `apply` batch on Miro: one task per title that finds the tag or makes it, within
 * Miro's tag limit. A retry first adopts the tag an earlier attempt made before its answer was
 * lost; a create Miro refuses reuses a tag someone made since the list was read.
 */
import { ellipsis, OpError, type PlanContext } from '../batch-engine';
import type { WriteOp } from '../port';
import { isRetryableError } from '../retry-policy';
import type { ApplyEnv, TagColor } from './apply-ops';
import { MIRO_LIMITS } from './limits';
import type { MiroSdk, SdkTag } from './sdk';

/** The colour each title's first `ensureTag` asks for (undefined: Miro's default). */
export function tagColors(live: readonly { op: WriteOp }[]): Map<string, string | undefined> {
  const colors = new Map<string, string | undefined>();
  for (const { op } of live) {
    if (op.op === 'ensureTag' && !colors.has(op.title)) colors.set(op.title, op.color);
  }
  return colors;
}

/** The batch's tags by title, shared by its tag tasks. */
interface TagState {
  readonly env: ApplyEnv;
  readonly board: MiroSdk['board'];
  readonly tagsByTitle: Map<string, SdkTag>;
  /** Tags being made, counted before the await so concurrent creates cannot overshoot the limit. */
  reserved: number;
}

/** The tag tasks planned so far, and what the op planners ask of them. */
export interface TagTasks {
  /** The task that finds or creates each tag title. */
  readonly ensureKeys: ReadonlyMap<string, string>;
  /** The rename tasks planned so far: later tag tasks wait for them. */
  readonly renameKeys: string[];
  /** The key of the one task that finds or creates the tag titled `title`. */
  ensureTask(title: string): string;
  /** The id of a tag the batch found or created. */
  tagId(title: string): string;
}

export function createTagTasks(
  env: ApplyEnv,
  ctx: PlanContext,
  live: readonly { op: WriteOp }[],
  tagsByTitle: Map<string, SdkTag>,
): TagTasks {
  const state: TagState = { env, board: env.sdk.board, tagsByTitle, reserved: 0 };
  const colors = tagColors(live);
  const ensureKeys = new Map<string, string>();
  const renameKeys: string[] = [];
  const ensureTask = (title: string): string => {
    const existing = ensureKeys.get(title);
    if (existing) return existing;
    const key = `tag:${title}`;
    ensureKeys.set(title, key);
    const color = colors.get(title);
    let attempts = 0;
    ctx.task(
      {
        key,
        deps: ['tags', ...renameKeys],
        run: () => {
          attempts += 1;
          return findOrMakeTag(state, title, color, attempts > 1);
        },
      },
      [],
    );
    return key;
  };
  const tagId = (title: string): string => {
    const tag = tagsByTitle.get(title);
    if (!tag) throw new OpError(`Tag "${title}" is missing.`);
    return tag.id;
  };
  return { ensureKeys, renameKeys, ensureTask, tagId };
}

/** The tag titled `title` in `state.tagsByTitle`: already there, adopted, or made now. */
async function findOrMakeTag(
  state: TagState,
  title: string,
  color: string | undefined,
  retry: boolean,
): Promise<void> {
  const { env, board, tagsByTitle } = state;
  if (tagsByTitle.has(title)) return;
  if (retry) {
    // An earlier attempt may have made the tag before its answer was lost.
    const fresh = (await env.loadTags()).find((t) => t.title === title);
    if (fresh) {
      tagsByTitle.set(title, fresh);
      return;
    }
  }
  if (tagsByTitle.size + state.reserved >= MIRO_LIMITS.tagsPerBoard) {
    throw new OpError(
      `This board already has ${MIRO_LIMITS.tagsPerBoard} tags, Miro's limit; remove unused tags before adding "${ellipsis(title)}".`,
    );
  }
  state.reserved += 1;
  try {
    const tag = await board.createTag(
      color === undefined ? { title } : { title, color: color as TagColor },
    );
    tagsByTitle.set(title, tag);
    env.rememberTag(tag);
  } catch (error) {
    if (isRetryableError(error)) throw error;
    // Someone may have made this tag since the list was read: reuse it if so.
    const fresh = (await env.loadTags()).find((t) => t.title === title);
    if (!fresh) throw error;
    tagsByTitle.set(title, fresh);
  } finally {
    state.reserved -= 1;
  }
}
