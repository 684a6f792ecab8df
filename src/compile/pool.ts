import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CompiledFile, CompileOptions } from './compiled.js';

/** One file for a worker to compile. */
export interface CompileJob {
  index: number;
  path: string;
  text: string;
  /** Its cache key, stored inside the entry. */
  key: string;
  /** Where to write its cache entry (`undefined`: no cache). */
  cacheFile?: string | undefined;
}

/** What a worker sends back for a batch of jobs. */
export type WorkerReply = { results: Array<{ index: number; bytes: Uint8Array }>; error?: undefined } | { error: string; results?: undefined };

// Small batches keep both workers busy to the end; one message a file would cost more than it saves.
const batchSize = 8;

/**
 * Compiles `jobs` on `threads` worker threads, handing out batches as workers come free.
 * Resolves to the compiled files in the order of `jobs`.
 */
export async function compileInWorkers(jobs: readonly CompileJob[], options: CompileOptions, threads: number, done: () => void): Promise<CompiledFile[]> {
  const results: CompiledFile[] = new Array<CompiledFile>(jobs.length);
  const position = new Map(jobs.map((job, index) => [job.index, index]));
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / batchSize)) }, () => new Worker(new URL('../../lib/compile/worker.js', import.meta.url), { workerData: { options } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              worker.postMessage(jobs.slice(next, next + batchSize));
              next += batchSize;
            };
            worker.on('message', (reply: WorkerReply) => {
              if (reply.error !== undefined) return reject(new Error(`a compile worker failed: ${reply.error}`));
              for (const result of reply.results) {
                results[position.get(result.index)!] = (deserialize(result.bytes) as { file: CompiledFile }).file;
                done();
              }
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a compile worker stopped (exit code ${code})`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
