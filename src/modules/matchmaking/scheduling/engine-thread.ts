// Runs the engine off the main thread: in `--role=all` the web and the job worker share a process,
// and a search of tens of seconds on the main thread would stall every page.
import { Worker } from 'node:worker_threads';
import type { Solution } from '../../../scheduler/model.ts';
import type { SolveProgress } from '../../../scheduler/solve.ts';

export interface EngineRun {
  result: Promise<Solution>;
  /** asks the search to stop now; it still answers with its best so far */
  stop(): void;
  /** ends the thread at once; the result rejects */
  kill(): Promise<void>;
}

/** Solves `problem` in a worker thread; `onProgress` hears its best so far every 500 ms or so. */
export function runEngine(problem: unknown, onProgress: (p: SolveProgress) => void): EngineRun {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(bootstrapUrl(), { workerData: { problem, stop } });
  const result = new Promise<Solution>((resolve, reject) => {
    worker.on(
      'message',
      (
        msg:
          | { kind: 'progress'; progress: SolveProgress }
          | { kind: 'done'; solution: Solution }
          | { kind: 'error'; message: string },
      ) => {
        if (msg.kind === 'progress') onProgress(msg.progress);
        else if (msg.kind === 'done') resolve(msg.solution);
        else reject(new Error(`the scheduling engine failed: ${msg.message}`));
      },
    );
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) =>
      reject(new Error(`the scheduling engine's thread ended (exit code ${code})`)),
    );
  });
  result.catch(() => undefined);
  result.finally(() => void worker.terminate()).catch(() => undefined);
  return {
    result,
    stop: () => Atomics.store(stop, 0, 1),
    kill: async () => {
      await worker.terminate();
    },
  };
}

/** Worker threads do not inherit tsx's loader: the thread registers it, then imports the worker. */
function bootstrapUrl(): URL {
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./engine-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
