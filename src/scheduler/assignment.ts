// Minimum-cost assignment of n rows to distinct columns among m ≥ n (shortest augmenting paths
// with potentials, O(n² m)). Used by the participant move to seat a participant's meetings in a
// window of slots at the least cost to their partners. Forbidden pairs carry cost Infinity.

/**
 * cost is row-major n × m. Returns the column of each row, or null when no assignment avoids every
 * forbidden (Infinity) pair.
 */
export function minCostAssignment(cost: Float64Array, n: number, m: number): Int32Array | null {
  if (n > m) return null;
  const BIG = 1e15;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  // rowOf[j]: row (1-based) holding column j (1-based), 0 = free
  const rowOf = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = -1;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const c = cost[(i0 - 1) * m + (j - 1)];
        const cur = (c === Number.POSITIVE_INFINITY ? BIG : c) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      if (j1 < 0) return null;
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOf = new Int32Array(n);
  for (let j = 1; j <= m; j++) {
    if (rowOf[j] === 0) continue;
    const i = rowOf[j] - 1;
    if (cost[i * m + (j - 1)] === Number.POSITIVE_INFINITY) return null;
    colOf[i] = j - 1;
  }
  return colOf;
}
