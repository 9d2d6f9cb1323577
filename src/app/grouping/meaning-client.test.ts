import { describe, expect, it } from 'vitest';
import { ClusterCancelledError } from './cluster-client';
import {
  createMeaningClient,
  MeaningUnavailableError,
  type MeaningWorkerLike,
} from './meaning-client';
import type { MeaningRequest, MeaningResponse } from './meaning-run';

class FakeWorker implements MeaningWorkerLike {
  onmessage: ((event: MessageEvent<MeaningResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: MeaningRequest[] = [];
  terminated = false;
  postMessage(message: MeaningRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: MeaningResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<MeaningResponse>);
  }
}

/** A client whose workers are fakes, kept in `workers` in creation order. */
function withFakeWorkers(modelUrl = 'x:/') {
  const workers: FakeWorker[] = [];
  const client = createMeaningClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    modelUrl,
  });
  return { client, workers };
}

const NOTES = [
  { id: 'a', text: 'card late' },
  { id: 'b', text: 'card slow' },
];
const RESULT = { groups: [], suggestedK: 0 };

describe('createMeaningClient', () => {
  it('posts the notes and the model URL, forwards progress by phase, keeps the worker', async () => {
    const { client, workers } = withFakeWorkers('https://app.test/models/m/');
    const seen: string[] = [];
    const job = client.group(NOTES, { k: 2, onProgress: (f, phase) => seen.push(`${phase}:${f}`) });
    const worker = workers[0]!;
    expect(worker.posted[0]).toMatchObject({
      type: 'group',
      notes: NOTES,
      options: { k: 2 },
      modelUrl: 'https://app.test/models/m/',
    });
    worker.reply({ type: 'progress', phase: 'model', fraction: 0.5 });
    worker.reply({ type: 'progress', phase: 'embed', fraction: 1 });
    worker.reply({ type: 'result', result: RESULT, modelFromCache: true });
    await expect(job.result).resolves.toEqual({ ...RESULT, modelFromCache: true });
    expect(seen).toEqual(['model:0.5', 'embed:1']);
    // The model stays loaded: the next run reuses the same worker.
    client.group(NOTES);
    expect(workers).toHaveLength(1);
    expect(worker.terminated).toBe(false);
  });

  it('rejects with MeaningUnavailableError when the model cannot load or workers are missing', async () => {
    const worker = new FakeWorker();
    const client = createMeaningClient({ createWorker: () => worker, modelUrl: 'x:/' });
    const job = client.group(NOTES);
    worker.reply({ type: 'model-error', message: 'HTTP 404' });
    await expect(job.result).rejects.toBeInstanceOf(MeaningUnavailableError);
    expect(worker.terminated).toBe(true);

    const none = createMeaningClient({ createWorker: () => null, modelUrl: 'x:/' });
    await expect(none.group(NOTES).result).rejects.toThrow(/Web Worker or WebAssembly/);
    const throwing = createMeaningClient({
      createWorker: () => {
        throw new Error('SecurityError');
      },
      modelUrl: 'x:/',
    });
    await expect(throwing.group(NOTES).result).rejects.toBeInstanceOf(MeaningUnavailableError);
  });

  it('cancel terminates the worker and rejects; a new run starts a new worker', async () => {
    const { client, workers } = withFakeWorkers();
    const job = client.group(NOTES);
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(ClusterCancelledError);
    expect(workers[0]!.terminated).toBe(true);
    // A late message from the old worker changes nothing.
    workers[0]!.reply({ type: 'result', result: RESULT, modelFromCache: false });
    const next = client.group(NOTES);
    expect(workers).toHaveLength(2);
    // A second run supersedes the first.
    const third = client.group(NOTES);
    await expect(next.result).rejects.toBeInstanceOf(ClusterCancelledError);
    workers[2]!.reply({ type: 'result', result: RESULT, modelFromCache: true });
    await expect(third.result).resolves.toMatchObject({ modelFromCache: true });
  });
});
