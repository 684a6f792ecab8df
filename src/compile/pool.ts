import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { BodyContent, CompiledFile, CompileOptions } from './compiled.js';
import type { EntryFiles } from './file-cache.js';
import type { PackPlace } from './cache-pack.js';

/** One file for a worker to compile. */
export interface CompileJob {
  index: number;
  path: string;
  /** Its text, or (when the build let the string go) its UTF-8 bytes. */
  text: string | Uint8Array;
  /** Its cache key, stored inside the entry. */
  key: string;
  /** Where to write its entry. */
  files: EntryFiles;
}

/** The text of a job, waiting as a string or as UTF-8 bytes. */
export function textOf(job: { text: string | Uint8Array }): string {
  return typeof job.text === 'string' ? job.text : Buffer.from(job.text.buffer, job.text.byteOffset, job.text.byteLength).toString('utf8');
}

/** What a worker sends back for a batch of jobs. */
export type WorkerReply = { results: Array<{ index: number; meta: Uint8Array; content?: Uint8Array; place?: PackPlace }>; error?: undefined } | { error: string; results?: undefined };

// Small batches keep every thread busy to the end; one message a file would cost more than it saves.
const batchSize = 8;

/**
 * Compiles `jobs` on `workers` worker threads taking batches from one queue; each worker has a
 * second batch waiting so it never idles. This thread only takes the results (`received`, with
 * the fragments only when the store could not take them, and where a temporary store put them), so
 * its heap holds no syntax tree; each worker's heap is bounded, which makes it collect early.
 * When `signal` is aborted, the workers are stopped where they are and this throws its reason.
 */
export async function compileInWorkers(
  jobs: readonly CompileJob[],
  options: CompileOptions,
  workers: number,
  received: (job: CompileJob, file: CompiledFile, place?: PackPlace) => void,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const byIndex = new Map(jobs.map((job) => [job.index, job]));
  let next = 0;
  const take = () => {
    const batch = jobs.slice(next, next + batchSize);
    next += batch.length;
    return batch;
  };
  const threads = Array.from(
    { length: Math.min(workers, Math.ceil(jobs.length / batchSize)) },
    () => new Worker(new URL('../../lib/compile/worker.js', import.meta.url), { workerData: { options }, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } }),
  );
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => (onAbort = () => reject(signal?.reason)));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const compiled = Promise.all(
      threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              const batch = take();
              if (batch.length === 0) return;
              inFlight++;
              worker.postMessage(batch);
            };
            worker.on('message', (reply: WorkerReply) => {
              inFlight--;
              if (reply.error !== undefined) return reject(new Error(`a compile worker failed: ${reply.error}`));
              for (const result of reply.results) {
                const file = deserialize((deserialize(result.meta) as { payload: Uint8Array }).payload) as CompiledFile;
                // Fragments the store could not take stay in memory.
                if (result.content) file.body.content = (deserialize(result.content) as { content: BodyContent }).content;
                received(byIndex.get(result.index)!, file, result.place);
              }
              send();
              if (inFlight === 0) resolve();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a compile worker stopped (exit code ${code})`)));
            send();
            send();
            // More workers than batches: this one had none.
            if (inFlight === 0) resolve();
          }),
      ),
    );
    await Promise.race([compiled, aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

// A batch's syntax trees take a few megabytes; the bound keeps a worker from letting garbage pile up.
const workerHeapMb = 128;
