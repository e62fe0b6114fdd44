// Worker-thread side of runEngine (engine-thread.ts): solves, posting its progress as it goes.
import { parentPort, workerData } from 'node:worker_threads';
import { ProblemError, solve } from '../../../scheduler/solve.ts';

const { problem, stop } = workerData as { problem: unknown; stop: Int32Array };
try {
  const solution = solve(problem, {
    stop: () => Atomics.load(stop, 0) === 1,
    progressEveryMs: 500,
    onProgress: (progress) => parentPort!.postMessage({ kind: 'progress', progress }),
  });
  parentPort!.postMessage({ kind: 'done', solution });
} catch (e) {
  const message = e instanceof ProblemError ? e.errors.join('; ') : (e as Error).message;
  parentPort!.postMessage({ kind: 'error', message });
}
