import { parentPort, workerData } from 'node:worker_threads';
import { compileFile } from './compile-file.js';
import type { CompileOptions } from './compiled.js';
import { serializeEntry, writeEntry } from './file-cache.js';
import type { CompileJob, WorkerReply } from './pool.js';

// A compile worker: compiles the files it is sent, writes their cache entries, and sends the
// serialized results back, moving their bytes instead of copying them.

const options = (workerData as { options: CompileOptions }).options;

parentPort?.on('message', (jobs: CompileJob[]) => {
  try {
    const results = jobs.map((job) => {
      const bytes = serializeEntry(job.key, compileFile({ path: job.path, text: job.text }, options));
      if (job.cacheFile !== undefined) writeEntry(job.cacheFile, bytes);
      return { index: job.index, bytes };
    });
    const reply: WorkerReply = { results };
    parentPort?.postMessage(reply, results.map((result) => result.bytes.buffer as ArrayBuffer).filter(ownBuffer(results)));
  } catch (error) {
    const reply: WorkerReply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    parentPort?.postMessage(reply);
  }
});

// Only a buffer that holds one result whole can be moved; a shared one is copied.
function ownBuffer(results: Array<{ bytes: Uint8Array }>) {
  return (buffer: ArrayBuffer, index: number) => {
    const bytes = results[index]!.bytes;
    return bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && results.findIndex((other) => other.bytes.buffer === buffer) === index;
  };
}
