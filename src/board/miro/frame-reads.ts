/**
 * Frames as an `apply` batch's moves need them on Miro: each frame's geometry read fresh once
 * per batch (the adapter's cache may be stale), its absolute top-left through nested frames, and
 * a note taken out of its frame when it moves outside it.
 */
import { OpError } from '../batch-engine';
import type { CentreGeometry } from './coordinates';
import { isFrame, type MiroSdk, type SdkEntity, type SdkStickyNote } from './sdk';
import { toCentreGeometry } from './to-board-item';

export interface FrameReads {
  /** Absolute top-left of a frame. */
  frameTopLeft(frameId: string, depth?: number): Promise<{ x: number; y: number }>;
  /** Takes a note out of its frame when `centre` is outside it; true when it did. */
  leaveFrame(
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ): Promise<boolean>;
}

/** `fetched`: the batch's existing items, which spare a frame its read. */
export function createFrameReads(
  board: MiroSdk['board'],
  fetched: ReadonlyMap<string, SdkEntity>,
): FrameReads {
  const frameGeometry = new Map<string, Promise<CentreGeometry | undefined>>();

  /** Absolute top-left of a frame, read fresh once per batch (the cache may be stale). */
  const frameTopLeft = async (frameId: string, depth = 0): Promise<{ x: number; y: number }> => {
    let pending = frameGeometry.get(frameId);
    if (!pending) {
      const known = fetched.get(frameId);
      pending =
        known && isFrame(known)
          ? Promise.resolve(toCentreGeometry(known))
          : board
              .get({ id: frameId })
              .then(([f]) => (f && isFrame(f) ? toCentreGeometry(f) : undefined));
      frameGeometry.set(frameId, pending);
    }
    const frame = await pending;
    if (!frame) throw new OpError(`The parent frame ${frameId} was not found on the board.`);
    const origin =
      frame.parentId !== null && depth < 32
        ? await frameTopLeft(frame.parentId, depth + 1)
        : { x: 0, y: 0 };
    return { x: origin.x + frame.x - frame.width / 2, y: origin.y + frame.y - frame.height / 2 };
  };

  /**
   * Takes a note out of its frame when it is moved to a centre outside it: Miro may clip or
   * refuse a frame's children outside the frame, so they leave it first (issue 10 §8).
   */
  const leaveFrame = async (
    item: SdkStickyNote,
    frameId: string,
    centre: { x: number; y: number },
  ): Promise<boolean> => {
    const origin = await frameTopLeft(frameId);
    const geometry = await frameGeometry.get(frameId);
    if (!geometry) return false;
    const inside =
      centre.x >= origin.x &&
      centre.x <= origin.x + geometry.width &&
      centre.y >= origin.y &&
      centre.y <= origin.y + geometry.height;
    if (inside) return false;
    const known = fetched.get(frameId);
    const frame = known ?? (await board.get({ id: frameId }))[0];
    if (!frame || !isFrame(frame)) return false;
    await frame.remove(item);
    return true;
  };

  return { frameTopLeft, leaveFrame };
}
