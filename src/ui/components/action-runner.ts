import { signal } from '@preact/signals';
import { errorMessage } from '../../domain/common';

/** A notice a tab shows after something the person did. */
export interface TabMessage {
  tone: 'info' | 'error' | 'success' | 'warning';
  title: string;
  body?: string;
  /** The outcome of something the person just did: it takes focus as it appears. */
  focus?: boolean;
}

/**
 * One action at a time for a tab (the Vote and Export tabs): `busy` names the running one,
 * `message` says how the last one ended. `run` does nothing while another runs, clears the
 * message first, and turns a thrown error into "<label> failed" with the reason.
 */
export function createActionRunner() {
  const busy = signal<string | null>(null);
  const message = signal<TabMessage | null>(null);

  async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = label;
    message.value = null;
    try {
      return await work();
    } catch (error) {
      message.value = { tone: 'error', title: `${label} failed`, body: errorMessage(error) };
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  return { busy, message, run };
}

export type ActionRunner = ReturnType<typeof createActionRunner>;
