import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRebuildQueue } from '../../src/watch/rebuild-queue.js';

/** A rebuild that ends when the test says so, recording the paths each run was given. */
function controlledRun() {
  const runs: string[][] = [];
  const finishers: Array<() => void> = [];
  const run = (paths: string[]) => {
    runs.push(paths);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  const finish = async () => {
    finishers.shift()?.();
    // Lets the queue see the run end before the test goes on.
    await vi.advanceTimersByTimeAsync(0);
  };
  return { runs, run, finish };
}

describe('the rebuild queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a burst of changes into one rebuild once they pause', async () => {
    const { runs, run } = controlledRun();
    const queue = createRebuildQueue(run, { quiet: 25 });
    for (const path of ['content/a.md', 'content/b.md', 'content/a.md']) {
      queue.request([path]);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(25);
    expect(runs).toEqual([['content/a.md', 'content/b.md']]);
  });

  it('does not wait longer than its longest wait while changes keep coming', async () => {
    const { runs, run } = controlledRun();
    const queue = createRebuildQueue(run, { quiet: 25, longestWait: 100 });
    for (let index = 0; index < 12; index++) {
      queue.request([`content/${index}.md`]);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(runs.length).toBe(1);
    expect(runs[0]).toEqual(['content/0.md', 'content/1.md', 'content/2.md', 'content/3.md', 'content/4.md', 'content/5.md', 'content/6.md', 'content/7.md', 'content/8.md', 'content/9.md']);
  });

  it('makes exactly one more rebuild, after the running one, for the changes that came during it', async () => {
    const { runs, run, finish } = controlledRun();
    const queue = createRebuildQueue(run, { quiet: 25 });
    queue.request([]);
    await vi.advanceTimersByTimeAsync(25);
    queue.request(['content/a.md']);
    queue.request(['content/b.md']);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([[]]);
    await finish();
    await vi.advanceTimersByTimeAsync(25);
    expect(runs).toEqual([[], ['content/a.md', 'content/b.md']]);
    await finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.length).toBe(2);
  });

  it('waits for the running rebuild when closed, and starts no other', async () => {
    const { runs, run, finish } = controlledRun();
    const queue = createRebuildQueue(run, { quiet: 25 });
    queue.request(['content/a.md']);
    await vi.advanceTimersByTimeAsync(25);
    queue.request(['content/b.md']);
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    await finish();
    await closing;
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([['content/a.md']]);
  });
});
