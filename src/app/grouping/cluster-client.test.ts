import { describe, expect, it } from 'vitest';
import { groupNotes } from '../../domain/clustering/group-notes';
import { ClusterCancelledError, createClusterClient, type WorkerLike } from './cluster-client';
import { runClusterRequest, type ClusterRequest, type ClusterResponse } from './cluster.worker';

const notes = Array.from({ length: 12 }, (_, i) => ({
  id: `n${i}`,
  text: i % 2 ? `refund delayed again ${i}` : `login broken again ${i}`,
}));

/** A fake worker that runs the real worker handler asynchronously, and records terminate(). */
function createFakeWorker(
  log: { terminated: number; posted: ClusterRequest[] },
  deliver = true,
): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      log.posted.push(message);
      if (!deliver) return;
      setTimeout(() =>
        runClusterRequest(message, (response) =>
          worker.onmessage?.({ data: response } as MessageEvent<ClusterResponse>),
        ),
      );
    },
    terminate() {
      log.terminated += 1;
    },
  };
  return worker;
}

describe('createClusterClient', () => {
  it('groups in this thread when Worker is undefined (Node), with the same result as the engine', async () => {
    const client = createClusterClient({ workerThreshold: 0 });
    const progress: number[] = [];
    const job = client.group(notes, { seed: 3, onProgress: (f) => progress.push(f) });
    expect(job.inWorker).toBe(false);
    expect(await job.result).toEqual(groupNotes(notes, { seed: 3 }));
    expect(progress.at(-1)).toBe(1);
  });

  it('uses a worker above the threshold, forwards progress, and terminates it when done', async () => {
    const log = { terminated: 0, posted: [] as ClusterRequest[] };
    const client = createClusterClient({
      workerThreshold: 5,
      createWorker: () => createFakeWorker(log),
    });
    const progress: number[] = [];
    const job = client.group(notes, { seed: 3, onProgress: (f) => progress.push(f) });
    expect(job.inWorker).toBe(true);
    const result = await job.result;
    expect(result).toEqual(groupNotes(notes, { seed: 3 }));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect(log.terminated).toBe(1);
    // The function option never crosses into the worker (it cannot be cloned).
    expect(Object.keys(log.posted[0]?.options ?? {})).not.toContain('onProgress');
  });

  it('stays in this thread at or below the threshold', () => {
    let made = 0;
    const client = createClusterClient({ workerThreshold: 12, createWorker: () => (made++, null) });
    const job = client.group(notes);
    job.cancel();
    expect(job.inWorker).toBe(false);
    expect(made).toBe(0);
    return expect(job.result).rejects.toBeInstanceOf(ClusterCancelledError);
  });

  it('cancel terminates the worker and rejects', async () => {
    const log = { terminated: 0, posted: [] as ClusterRequest[] };
    const client = createClusterClient({
      workerThreshold: 1,
      createWorker: () => createFakeWorker(log, false),
    });
    const job = client.group(notes);
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(ClusterCancelledError);
    expect(log.terminated).toBe(1);
    job.cancel();
    expect(log.terminated).toBe(1);
  });

  it('rejects with the worker error message', async () => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() =>
          worker.onmessage?.({
            data: { type: 'error', message: 'boom' },
          } as MessageEvent<ClusterResponse>),
        );
      },
      terminate() {},
    };
    const client = createClusterClient({ workerThreshold: 1, createWorker: () => worker });
    await expect(client.group(notes).result).rejects.toThrow('boom');
  });
});

describe('runClusterRequest', () => {
  it('posts progress then the result', () => {
    const out: ClusterResponse[] = [];
    runClusterRequest({ type: 'group', notes, options: { method: 'kmeans', k: 2 } }, (m) =>
      out.push(m),
    );
    expect(out.at(-1)?.type).toBe('result');
    expect(out.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
  });
});
