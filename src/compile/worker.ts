import { parentPort, workerData } from 'node:worker_threads';
import { compileFile, prepareToCompile } from './compile-file.js';
import type { CompileOptions } from './compiled.js';
import { serializeEntry, writeEntryFiles } from './file-cache.js';
import { PackWriter, type PackPlace } from './cache-pack.js';
import { textOf, type CompileJob, type WorkerReply } from './pool.js';

// A compile worker: compiles the files it is sent, writes their entries into the build's store,
// and sends back the part every build reads (front matter, anchors, links), moving its bytes
// instead of copying them; the fragments stay in the store until a page needs them.

const options = (workerData as { options: CompileOptions }).options;

parentPort?.on('message', async (jobs: CompileJob[]) => {
  try {
    await prepareToCompile(jobs.map((job) => job.text));
    // A temporary store's fragments go to this thread's pack, opened once a batch: a worker
    // that is stopped leaves no file open.
    const packFolder = jobs[0]?.files.packFolder;
    const pack = packFolder === undefined ? undefined : new PackWriter(packFolder);
    const write = (files: CompileJob['files'], bytes: { meta: Uint8Array; content: Uint8Array }): PackPlace | boolean =>
      files.packFolder === undefined ? writeEntryFiles(files, bytes) : (pack?.append(bytes.content) ?? false);
    let results;
    try {
      results = jobs.map((job) => {
        const bytes = serializeEntry(job.key, compileFile({ path: job.path, text: textOf(job) }, options));
        const written = write(job.files, bytes);
        if (typeof written === 'object') return { index: job.index, meta: bytes.meta, place: written };
        // When the store can not take the fragments, they travel back with the rest.
        return written ? { index: job.index, meta: bytes.meta } : { index: job.index, meta: bytes.meta, content: bytes.content };
      });
    } finally {
      // Closed even when a file fails to compile: the worker is then stopped, and the process keeps its open files.
      pack?.close();
    }
    const reply: WorkerReply = { results };
    parentPort?.postMessage(reply, movable(results.flatMap((result) => (result.content ? [result.meta, result.content] : [result.meta]))));
  } catch (error) {
    const reply: WorkerReply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    parentPort?.postMessage(reply);
  }
});

// Only a buffer that holds one result whole can be moved; a shared one is copied.
function movable(list: Uint8Array[]): ArrayBuffer[] {
  return list
    .filter((bytes, index) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && list.findIndex((other) => other.buffer === bytes.buffer) === index)
    .map((bytes) => bytes.buffer as ArrayBuffer);
}
