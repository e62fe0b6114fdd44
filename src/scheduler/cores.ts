// The slots a participant cannot leave empty if it is to have no break. All of p's n meetings in
// one run means a window of n consecutive slots that can hold them (each meeting in its own allowed
// slot); every slot shared by all such windows is a "core" slot of p. Only participants whose
// sessions or unavailability rule out some window get a core: a core that comes from the count
// alone (n > T/2) pulled busy participants into the middle of the day at the expense of breaks
// elsewhere (tic-13crafc: 5 breaks instead of 4). On B2BSP, everyone with
// morning-only and afternoon-only meetings has the two slots around lunch as its core, and a
// participant with unavailable slots may have its whole day there (forum-14: 9 meetings, only one
// 9-slot stretch of the afternoon free). The search prices a participant that misses one of its
// core slots (`Tuning.coreWeight`): without that pull, taking a full slot next to lunch, or moving a
// day to the afternoon, only pays once every partner has followed, and the annealing never gets there.
import type { Instance } from './instance.ts';
import { slotMatching } from './proof.ts';

export interface Cores {
  /** per participant: first and last core slot, -1 when p has none */
  lo: Int32Array;
  hi: Int32Array;
}

/**
 * The core of each participant with at least two meetings, all placeable (mode "all" only: in mode
 * "max" a participant may keep fewer meetings and then has other windows).
 */
export function cores(inst: Instance): Cores {
  const { P, T } = inst;
  const lo = new Int32Array(P).fill(-1);
  const hi = new Int32Array(P).fill(-1);
  if (inst.mode !== 'all') return { lo, hi };
  const allowed = new Uint8Array(T);
  for (let p = 0; p < P; p++) {
    const ms = inst.meetingsOf[p];
    const n = ms.length;
    if (n < 2 || n > Math.min(T, inst.maxMeetings[p]) || ms.some((m) => !inst.dom[m].length)) continue;
    let a = 0;
    let b = T - 1;
    let any = false;
    let excluded = false;
    for (let start = 0; start + n <= T; start++) {
      allowed.fill(0);
      allowed.fill(1, start, start + n);
      if (slotMatching(inst, ms, allowed) < n) {
        excluded = true;
        continue;
      }
      any = true;
      a = Math.max(a, start);
      b = Math.min(b, start + n - 1);
    }
    if (any && excluded && a <= b) {
      lo[p] = a;
      hi[p] = b;
    }
  }
  return { lo, hi };
}
