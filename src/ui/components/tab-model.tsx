/**
 * One lifecycle for every tab (issue 12 §2): a tab's model is made once per workshop and its use
 * cases, `open()` reads the board and starts following it, and what `open()` returns stops
 * following when the tab closes. `boardReadState` is what a tab shows before its first reading.
 */
import type { VNode } from 'preact';
import { useLayoutEffect, useMemo } from 'preact/hooks';
import { Notice, Spinner } from './Notice';

export interface TabModel {
  /** Reads the board and follows it; the returned function stops following. */
  open(): () => void;
}

/**
 * The tab's model, made when `deps` change and open while the tab is shown. It opens as the tab
 * mounts (a layout effect), so the first reads are on their way while the browser paints the
 * spinner; a plain effect would start them only after the next frame (issue 12 §1).
 */
export function useTabModel<M extends TabModel>(create: () => M, deps: readonly unknown[]): M {
  const model = useMemo(create, deps);
  useLayoutEffect(() => model.open(), [model]);
  return model;
}

type ReadState = { status: 'loading' } | { status: 'error'; message: string } | { status: string };

/**
 * What a tab shows until the board has been read (a spinner, or why it could not be read), or
 * null once it has: `const waiting = boardReadState(snapshot); if (waiting) return waiting;`
 */
export function boardReadState(state: ReadState, loading = 'Reading the board…'): VNode | null {
  if (state.status === 'loading') return <Spinner label={loading} />;
  if (state.status === 'error' && 'message' in state)
    return (
      <Notice tone="error" title="Could not read the board">
        {state.message}
      </Notice>
    );
  return null;
}
