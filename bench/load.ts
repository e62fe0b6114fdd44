import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, stop, waitFor200 } from './lib.ts';

/** Requests per second of an HTTP server under load (autocannon), shared by the HTTP benchmarks. */

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
}

/**
 * Measures one URL, or a rotation over several paths of one site (each connection cycles them),
 * after a warm-up: each path once (as its first visitor would) and 2 s of load, unmeasured, so the
 * figure is the steady state rather than JIT compilation and first renders.
 */
export async function measureLoad(url: string, seconds: number, paths?: string[]): Promise<LoadResult> {
  for (const p of paths ?? []) await (await fetch(new URL(p, url))).arrayBuffer();
  await load(url, paths, 2);
  return load(url, paths, seconds);
}

async function load(url: string, paths: string[] | undefined, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    pipelining: 1,
    // What browsers send: the platform may answer compressed, as it does to visitors.
    headers: { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'en' },
    ...(paths ? { requests: paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
  });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The reference: `bench/bare-server.ts` (a bare Fastify route) in its own process; its URL. */
export async function startBare(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/bare-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/bare`;
  await waitFor200(url, child, 30_000, () => '');
  return { url, stop: () => stop(child) };
}
