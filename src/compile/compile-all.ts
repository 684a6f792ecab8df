import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import type { TextSource } from '../load/load-sources.js';
import { compileFrontMatterOnly, forgetRecentContent, toLoadedFile, type CompiledFile, type CompileOptions, type LoadedFile } from './compiled.js';
import { openFileCache, type FragmentCheck } from './file-cache.js';
import { pruneCache } from './cache-prune.js';
import { compileInWorkers, textOf, type CompileJob } from './pool.js';
import { giveMemoryBack } from '../write/heap-guard.js';
import { makeTemporaryFolder, removeTemporaryFolder } from '../write/temporary-folder.js';

/** Options of {@link compileAll}. */
export interface CompileAllOptions {
  compile: CompileOptions;
  /** The persistent cache's folder; `undefined` builds without one (`--no-cache`). */
  cacheDir?: string | undefined;
  /** Worker threads that compile (`1`: none, this thread does); default: one a core when 200 files or more must be compiled. */
  jobs?: number | undefined;
  /** Files whose bodies are read; the others only have their front matter read (`check --changed`). */
  bodies?: ReadonlySet<string> | undefined;
  /**
   * Compiled files kept between builds in this process (`mimeo dev`): asked first, told every
   * file compiled. Needs `cacheDir`: their fragments must outlive the build.
   */
  remember?: CompileMemory | undefined;
  /** Told how many files are compiled out of how many, after each. */
  progress?: ((done: number, total: number) => void) | undefined;
  /** When cached fragments are checked (default: when their entry is looked up). */
  check?: FragmentCheck | undefined;
  /**
   * Whether compiling takes the texts over (`build`, which needs them no more): `texts` is
   * emptied and each text let go once it is keyed, but for its front matter (to locate errors);
   * those to compile wait as UTF-8 bytes, half what V8 takes for a text with a curly quote or a
   * dash (such a string costs two bytes a character). Not with `remember`.
   */
  consume?: boolean | undefined;
  /**
   * Abandons compiling when aborted: workers are stopped at once, this thread gives way now and
   * then to hear of it, and `compileAll` throws the signal's reason (default: none).
   */
  signal?: AbortSignal | undefined;
}

/** Compiled files a long-running process keeps, so an edit compiles one file (see `src/watch/compile-memory.ts`). */
export interface CompileMemory {
  /** The file compiled last from this very text with these options, if any. */
  get(source: TextSource, options: CompileOptions): CompiledFile | undefined;
  set(source: TextSource, options: CompileOptions, file: CompiledFile): void;
}

/** What {@link compileAll} gives: the files, and the cache entries it could not use. */
export interface CompileResult {
  files: LoadedFile[];
  /** Cache entries that could not be used (each rebuilt). */
  rejected: string[];
  /** Removes the temporary store, once no page needs the fragments any more. */
  dispose: () => void;
}

/**
 * A new temporary folder for compiled fragments. Where none can be made, a folder name that can
 * not be written either: the store then keeps every fragment in memory.
 */
function temporaryStore(): string {
  return makeTemporaryFolder('mimeo-compiled') ?? path.join(tmpdir(), 'mimeo-compiled-unavailable', String(process.pid));
}

// Each worker loads the Markdown stack and warms up its compiler on its own: below this many
// files to compile, this thread alone is faster (measured: 100 articles 3.9 s alone, 5.5 s with
// two workers; 300 articles 9.7 s and 8.4 to 9.3 s).
const workerThreshold = 200;

/**
 * Compiles every Markdown file once: from the persistent cache when its entry is there, else
 * with the Markdown stack (loaded only then), in worker threads when there are enough such
 * files. Reports each file's diagnostics, cached or not, in file order.
 */
export async function compileAll(texts: TextSource[], options: CompileAllOptions, report: Report): Promise<CompileResult> {
  const startedAt = Date.now();
  const sources: Array<TextSource | undefined> = texts.filter((text) => text.path.endsWith('.md'));
  const consume = (options.consume ?? false) && !options.remember;
  if (consume) texts.length = 0;
  const total = sources.length;
  const paths = sources.map((source) => source!.path);
  // What each file's front-matter errors are located in: its text, or only its front matter.
  const located: string[] = new Array<string>(total);
  // Without a cache, compiled fragments wait in a temporary store, removed when the build is done.
  const folder = options.cacheDir ?? temporaryStore();
  const temporary = options.cacheDir === undefined ? folder : undefined;
  const store = openFileCache(folder, options.compile, options.check, temporary !== undefined);
  const dispose = () => {
    forgetRecentContent();
    store.close();
    // A store that could not be made (its fragments stayed in memory) is not removed either.
    if (temporary) removeTemporaryFolder(temporary);
  };
  try {
    const compiled: Array<CompiledFile | undefined> = new Array<CompiledFile | undefined>(total);
    const misses: CompileJob[] = [];
    const keys: string[] = [];
    let done = 0;
    const tick = () => options.progress?.(++done, total);
    sources.forEach((held, index) => {
      const source = held!;
      located[index] = consume ? frontMatterPart(source.text) : source.text;
      if (consume) sources[index] = undefined;
      if (options.bodies && !options.bodies.has(source.path)) {
        compiled[index] = compileFrontMatterOnly(source);
        return tick();
      }
      const known = options.remember?.get(source, options.compile);
      if (known) {
        compiled[index] = known;
        return tick();
      }
      const key = store.keyOf(source);
      keys[index] = key;
      const hit = temporary ? undefined : store.read(key, source);
      if (hit) {
        compiled[index] = hit;
        return tick();
      }
      misses.push({ index, path: source.path, text: consume ? utf8.encode(source.text) : source.text, key, files: store.filesOf(key) });
    });
    if (misses.length > 0) {
      // Compiles `jobs` in this thread, loading the Markdown stack first: workers load their own,
      // so a build that compiles in workers starts them without waiting for this thread's.
      const compileHere = async (jobs: CompileJob[]) => {
        const { compileFile, prepareToCompile } = await import('./compile-file.js');
        await prepareToCompile(jobs.map((job) => job.text));
        const giveWay = options.signal ? givingWay(options.signal) : undefined;
        for (const job of jobs) {
          await giveWay?.();
          const file = compileFile({ path: job.path, text: textOf(job) }, options.compile);
          store.write(job.key, file);
          compiled[job.index] = file;
          tick();
        }
      };
      // `--jobs N` is taken at its word; without it, workers start only when they pay off.
      const workers = options.jobs ?? (misses.length >= workerThreshold ? availableParallelism() : 1);
      if (workers === 1) await compileHere(misses);
      else {
        // The texts just let go are most of this thread's heap: freed before workers take memory too.
        if (consume) giveMemoryBack();
        try {
          await compileInWorkers(misses, options.compile, workers, (job, file, place) => {
            compiled[job.index] = file.body.content ? file : store.adopt(job.key, file, place);
            // Compiled: its text is not needed any more.
            job.text = '';
            tick();
          }, options.signal);
        } catch (error) {
          if (options.signal?.aborted) throw error;
          // A worker that ran out of its bounded memory (a huge file) or failed: what is left is
          // compiled here, where a real error is thrown again with its whole story.
          await compileHere(misses.filter((job) => !compiled[job.index]));
        }
      }
    }
    const files = paths.map((path, index) => {
      const file = compiled[index]!;
      if (keys[index]) {
        file.body.hash = keys[index];
        options.remember?.set({ path, text: located[index]! }, options.compile, file);
      }
      for (const diagnostic of file.diagnostics) report(diagnostic);
      return toLoadedFile(file, located[index]!);
    });
    // A build that looked every file up knows which entries are current: the others may go.
    if (!temporary) pruneCache(folder, options.remember || options.bodies ? undefined : new Set(keys.filter(Boolean)), misses.length, startedAt);
    return { files, rejected: temporary ? [] : store.rejected, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

const utf8 = new TextEncoder();

// Long enough that giving way costs nothing measurable, short enough that a stop is heard at once.
const givesWayEvery = 50;

/**
 * Gives a function to await between files compiled on this thread: every {@link givesWayEvery}
 * ms it lets the event loop run (signal handlers among others), then throws if `signal` was aborted.
 */
function givingWay(signal: AbortSignal): () => Promise<void> {
  let since = performance.now();
  return async () => {
    signal.throwIfAborted();
    if (performance.now() - since < givesWayEvery) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
    signal.throwIfAborted();
  };
}

/**
 * The front matter of a text, up to its closing `---` line (the whole text when it has no end),
 * as a string of its own: a slice would keep the whole text alive.
 */
function frontMatterPart(text: string): string {
  if (!text.startsWith('---')) return '';
  const close = text.indexOf('\n---', 3);
  const end = close < 0 ? -1 : text.indexOf('\n', close + 4);
  const part = close < 0 || end < 0 ? text : text.slice(0, end + 1);
  return Buffer.from(part, 'utf8').toString('utf8');
}
