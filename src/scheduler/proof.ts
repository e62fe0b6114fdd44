// What can be proven before searching: infeasibility of mode "all", a lower bound on total breaks
// and an upper bound on the meetings that can be placed. Each bound is a relaxation explained in
// docs/scheduler.md; the search reports "optimal" only when it meets one of them.
import { FlowNetwork } from './flow.ts';
import type { Instance } from './instance.ts';

/** Largest number of the given meetings that fit in distinct slots (Kuhn's augmenting paths). */
export function slotMatching(inst: Instance, meetings: number[], allowed?: Uint8Array): number {
  const owner = new Int32Array(inst.T).fill(-1);
  let size = 0;
  const seen = new Uint8Array(inst.T);
  const tryPlace = (m: number): boolean => {
    for (const t of inst.dom[m]) {
      if ((allowed && !allowed[t]) || seen[t]) continue;
      seen[t] = 1;
      if (owner[t] < 0 || tryPlace(owner[t])) {
        owner[t] = m;
        return true;
      }
    }
    return false;
  };
  for (const m of meetings) {
    seen.fill(0);
    if (tryPlace(m)) size++;
  }
  return size;
}

/** Tightens domains along precedence chains; returns a reason when a chain cannot fit. */
export function propagatePrecedence(inst: Instance): string | null {
  if (inst.cycles.length) return null;
  const order = topologicalOrder(inst);
  const earliest = new Int32Array(inst.M);
  const latest = new Int32Array(inst.M);
  for (const m of order) {
    let lo = 0;
    for (const p of inst.pred[m]) lo = Math.max(lo, earliest[p] + 1);
    inst.dom[m] = inst.dom[m].filter((t) => t >= lo);
    earliest[m] = inst.dom[m].length ? inst.dom[m][0] : inst.T;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const m = order[i];
    let hi = inst.T - 1;
    for (const s of inst.succ[m]) hi = Math.min(hi, latest[s] - 1);
    inst.dom[m] = inst.dom[m].filter((t) => t <= hi);
    latest[m] = inst.dom[m].length ? inst.dom[m][inst.dom[m].length - 1] : -1;
  }
  let reason: string | null = null;
  for (let m = 0; m < inst.M; m++) {
    for (let t = 0; t < inst.T; t++) inst.inDom[m * inst.T + t] = 0;
    for (const t of inst.dom[m]) inst.inDom[m * inst.T + t] = 1;
    if (!inst.dom[m].length && !inst.emptyReason[m]) {
      inst.emptyReason[m] = 'its "after" chain does not fit in the allowed slots';
      reason ??= `meeting ${inst.problem.meetings[m].id}: its "after" chain does not fit in the allowed slots`;
    }
  }
  return reason;
}

function topologicalOrder(inst: Instance): number[] {
  const indeg = Int32Array.from(inst.pred, (p) => p.length);
  const order: number[] = [];
  for (let m = 0; m < inst.M; m++) if (indeg[m] === 0) order.push(m);
  for (let i = 0; i < order.length; i++) {
    for (const s of inst.succ[order[i]]) if (--indeg[s] === 0) order.push(s);
  }
  return order;
}

/** Reasons why mode "all" cannot be satisfied; empty when none is proven. */
export function infeasibility(inst: Instance, capOf: Int32Array): string[] {
  const reasons: string[] = [];
  const ids = inst.problem.meetings.map((m) => m.id);
  const who = (r: number) =>
    r < inst.P ? `participant ${inst.problem.participants[r].id}` : `locked table "${lockedName(inst, r)}"`;
  inst.emptyReason.forEach((why, m) => {
    if (why) reasons.push(`meeting ${ids[m]}: ${why}`);
  });
  for (const c of inst.cycles)
    reasons.push(`contradictory "after" constraints: cycle among ${c.map((m) => ids[m]).join(', ')}`);
  const byResource = meetingsByResource(inst);
  byResource.forEach((ms, r) => {
    if (r < inst.P && ms.length > inst.maxMeetings[r]) {
      reasons.push(`${who(r)} has ${ms.length} meetings but at most ${inst.maxMeetings[r]} are allowed`);
    } else if (ms.length > 1 && capOf[r] < ms.length) {
      reasons.push(
        `${who(r)} has ${ms.length} meetings but only ${capOf[r]} can be given distinct usable slots`,
      );
    }
  });
  const fit = tableFlow(inst);
  if (fit < inst.M)
    reasons.push(`tables: only ${fit} of ${inst.M} meetings can get a table within their allowed slots`);
  return reasons;
}

function lockedName(inst: Instance, r: number): string {
  const m = inst.res.findIndex((rs) => rs.includes(r));
  return m >= 0 ? (inst.lockedTable[m] ?? '?') : '?';
}

export function meetingsByResource(inst: Instance): number[][] {
  const by: number[][] = Array.from({ length: inst.R }, () => []);
  inst.res.forEach((rs, m) => {
    for (const r of rs) by[r].push(m);
  });
  return by;
}

/** Per resource, how many of its meetings can sit in distinct slots (also capped by maxMeetings). */
export function resourceCapacities(inst: Instance): Int32Array {
  const by = meetingsByResource(inst);
  return Int32Array.from(by, (ms, r) => {
    const c = slotMatching(inst, ms);
    return r < inst.P ? Math.min(c, inst.maxMeetings[r]) : c;
  });
}

/** Meetings that can each get a table in one of their slots: a flow meeting → slot (capacity tables). */
export function tableFlow(inst: Instance): number {
  const S = inst.M + inst.T;
  const net = new FlowNetwork(S + 2);
  for (let m = 0; m < inst.M; m++) {
    if (!inst.dom[m].length) continue;
    net.addEdge(S, m, 1);
    for (const t of inst.dom[m]) net.addEdge(m, inst.M + t, 1);
  }
  for (let t = 0; t < inst.T; t++) net.addEdge(inst.M + t, S + 1, inst.cap[t]);
  return net.maxFlow(S, S + 1);
}

/**
 * Upper bound on meetings placed: the smaller of the table flow and the fractional b-matching of
 * two-person meetings (each participant p takes at most cap_p meetings), the latter computed as
 * half a maximum flow in the bipartite double cover. Group meetings are counted as placeable.
 */
export function placedUpperBound(inst: Instance, capOf: Int32Array): number {
  const tables = tableFlow(inst);
  const R = inst.R;
  const net = new FlowNetwork(2 * R + 2);
  let groups = 0;
  for (let m = 0; m < inst.M; m++) {
    if (!inst.dom[m].length) continue;
    const rs = inst.res[m];
    if (rs.length !== 2) {
      groups++;
      continue;
    }
    net.addEdge(rs[0], R + rs[1], 1);
    net.addEdge(rs[1], R + rs[0], 1);
  }
  for (let r = 0; r < R; r++) {
    net.addEdge(2 * R, r, capOf[r]);
    net.addEdge(R + r, 2 * R + 1, capOf[r]);
  }
  const pairs = Math.floor(net.maxFlow(2 * R, 2 * R + 1) / 2);
  return Math.min(tables, pairs + groups);
}

/**
 * Lower bound on total breaks: each participant alone, ignoring everyone else, needs at least
 * (blocks − 1) breaks, where blocks is the fewest runs of consecutive slots into which its meetings
 * fit. Computed exactly for 0 and 1 break, else counted as 2; a work budget keeps it cheap on big events.
 */
export function breaksLowerBound(inst: Instance, budget = 3_000_000): number {
  let total = 0;
  let work = 0;
  for (let p = 0; p < inst.P; p++) {
    const ms = inst.meetingsOf[p];
    const n = ms.length;
    if (n <= 1) continue;
    const usable = new Uint8Array(inst.T);
    for (const m of ms) for (const t of inst.dom[m]) usable[t] = 1;
    const allowed = new Uint8Array(inst.T);
    const fits = (a: number, l1: number, b: number, l2: number): boolean => {
      for (let t = a; t < a + l1; t++) if (!usable[t]) return false;
      for (let t = b; t < b + l2; t++) if (!usable[t]) return false;
      work += n * 4;
      allowed.fill(0);
      allowed.fill(1, a, a + l1);
      if (l2) allowed.fill(1, b, b + l2);
      return slotMatching(inst, ms, allowed) === n;
    };
    let best = 2;
    for (let a = 0; a + n <= inst.T && best > 0; a++) if (fits(a, n, 0, 0)) best = 0;
    for (let l1 = 1; l1 < n && best > 1 && work < budget; l1++) {
      for (let a = 0; a + l1 < inst.T && best > 1; a++) {
        for (let b = a + l1 + 1; b + (n - l1) <= inst.T; b++) {
          if (fits(a, l1, b, n - l1)) {
            best = 1;
            break;
          }
        }
      }
    }
    if (best === 2 && work >= budget) best = 1;
    total += best;
  }
  return total;
}
