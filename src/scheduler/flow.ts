// Dinic's maximum flow on integer capacities, used by the bounds and infeasibility proofs.
export class FlowNetwork {
  private head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private capacity: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
  }

  addEdge(from: number, to: number, cap: number): void {
    this.push(from, to, cap);
    this.push(to, from, 0);
  }

  private push(from: number, to: number, cap: number): void {
    this.to.push(to);
    this.capacity.push(cap);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.bfs(source, sink)) {
      this.iter.set(this.head);
      for (;;) {
        const f = this.dfs(source, sink);
        if (f === 0) break;
        total += f;
      }
    }
    return total;
  }

  private bfs(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = new Int32Array(this.nodes);
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    this.level[source] = 0;
    while (qh < qt) {
      const v = queue[qh++];
      for (let e = this.head[v]; e >= 0; e = this.next[e]) {
        const w = this.to[e];
        if (this.capacity[e] > 0 && this.level[w] < 0) {
          this.level[w] = this.level[v] + 1;
          queue[qt++] = w;
        }
      }
    }
    return this.level[sink] >= 0;
  }

  /** Iterative augmenting-path search along the level graph; returns the bottleneck pushed. */
  private dfs(source: number, sink: number): number {
    const pathEdges: number[] = [];
    let v = source;
    for (;;) {
      if (v === sink) {
        let f = Number.POSITIVE_INFINITY;
        for (const e of pathEdges) f = Math.min(f, this.capacity[e]);
        for (const e of pathEdges) {
          this.capacity[e] -= f;
          this.capacity[e ^ 1] += f;
        }
        return f;
      }
      let advanced = false;
      for (let e = this.iter[v]; e >= 0; e = this.next[e]) {
        const w = this.to[e];
        if (this.capacity[e] > 0 && this.level[w] === this.level[v] + 1) {
          this.iter[v] = e;
          pathEdges.push(e);
          v = w;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      this.iter[v] = -1;
      this.level[v] = -1;
      if (v === source) return 0;
      const e = pathEdges.pop()!;
      v = this.to[e ^ 1];
      this.iter[v] = this.next[this.iter[v]];
    }
  }
}
