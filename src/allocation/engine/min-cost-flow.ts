import type { FlowNetwork } from './flow-network';

/**
 * Sends a maximum flow from source to sink at minimum cost (primal–dual method), changing
 * `network.cap` in place. Costs must be >= 0 and every value below 2^53 so doubles stay exact.
 *
 * Why it is exact: node potentials `pi` keep every residual arc's reduced cost
 * `cost + pi[u] - pi[v]` >= 0, so the residual network has no negative-cost cycle and the flow
 * is the cheapest for its value. Each phase
 * 1. runs Dijkstra on reduced costs and adds the distances to `pi`; the shortest source–sink
 *    paths then consist of arcs of reduced cost 0 (the admissible arcs), and
 * 2. augments a maximum flow using admissible arcs only (Dinic: BFS levels, then blocking
 *    flows). Pushing on an arc of reduced cost 0 gives its partner reduced cost 0 too, so
 *    reduced costs stay >= 0 and every unit sent costs the current shortest path length.
 * That is successive shortest paths with all paths of one length sent at once; it ends when the
 * sink is unreachable, i.e. at maximum flow. Phases are few: one per distinct augmenting path
 * length, which is small when costs are small integers.
 */
export function minCostMaxFlow(network: FlowNetwork): void {
  const { nodeCount, source, sink } = network;
  const pi = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const heap = new NodeHeap(nodeCount, dist);
  const admissible = new AdmissibleFlow(network, pi);
  // Costs are >= 0, so pi = 0 is a valid start.
  while (shortestDistances(network, pi, dist, heap)) {
    const reach = dist[sink];
    // Nodes not settled before the sink are at least as far: capping at its distance keeps
    // reduced costs >= 0 and lets Dijkstra stop early.
    for (let v = 0; v < nodeCount; v++) pi[v] += dist[v] < reach ? dist[v] : reach;
    admissible.maxFlow(source, sink);
  }
}

/** Dijkstra on reduced costs over arcs with residual capacity; false when the sink is unreachable. */
function shortestDistances(network: FlowNetwork, pi: Float64Array, dist: Float64Array, heap: NodeHeap): boolean {
  const { start, to, cap, cost, source, sink } = network;
  dist.fill(Infinity);
  dist[source] = 0;
  heap.clear();
  heap.push(source);
  while (!heap.isEmpty()) {
    const u = heap.pop();
    if (u === sink) return true;
    const base = dist[u] + pi[u];
    for (let a = start[u], end = start[u + 1]; a < end; a++) {
      if (cap[a] === 0) continue;
      const v = to[a];
      const d = base + cost[a] - pi[v];
      if (d < dist[v]) {
        dist[v] = d;
        heap.push(v);
      }
    }
  }
  return false;
}

/**
 * Maximum flow restricted to admissible arcs (residual capacity > 0 and reduced cost 0),
 * by Dinic's algorithm with an iterative DFS: augmenting paths can be as long as the network
 * is wide, too deep for recursion.
 */
class AdmissibleFlow {
  private readonly level: Int32Array;
  private readonly queue: Int32Array;
  private readonly nextArc: Int32Array;
  private readonly pathArc: Int32Array;

  constructor(
    private readonly network: FlowNetwork,
    private readonly pi: Float64Array,
  ) {
    this.level = new Int32Array(network.nodeCount);
    this.queue = new Int32Array(network.nodeCount);
    this.nextArc = new Int32Array(network.nodeCount);
    this.pathArc = new Int32Array(network.nodeCount);
  }

  maxFlow(source: number, sink: number): void {
    while (this.buildLevels(source, sink)) {
      this.nextArc.set(this.network.start.subarray(0, this.network.nodeCount));
      this.blockingFlow(source, sink);
    }
  }

  private isAdmissible(u: number, a: number): boolean {
    const { cap, cost, to } = this.network;
    return cap[a] > 0 && cost[a] + this.pi[u] - this.pi[to[a]] === 0;
  }

  /** BFS levels from the source over admissible arcs; false when the sink is not reached. */
  private buildLevels(source: number, sink: number): boolean {
    const { start, to } = this.network;
    const { level, queue } = this;
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++];
      // Nodes at the sink's level or beyond lie on no shortest admissible path.
      if (level[sink] >= 0 && level[u] >= level[sink]) break;
      for (let a = start[u], end = start[u + 1]; a < end; a++) {
        const v = to[a];
        if (level[v] < 0 && this.isAdmissible(u, a)) {
          level[v] = level[u] + 1;
          queue[tail++] = v;
        }
      }
    }
    return level[sink] >= 0;
  }

  /** Augments along level-increasing admissible paths until none is left. */
  private blockingFlow(source: number, sink: number): void {
    const { start, to, cap, rev } = this.network;
    const { level, nextArc, pathArc } = this;
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let bottleneck = cap[pathArc[0]];
        for (let i = 1; i < depth; i++) bottleneck = Math.min(bottleneck, cap[pathArc[i]]);
        let firstSaturated = -1;
        for (let i = 0; i < depth; i++) {
          const a = pathArc[i];
          cap[a] -= bottleneck;
          cap[rev[a]] += bottleneck;
          if (cap[a] === 0 && firstSaturated < 0) firstSaturated = i;
        }
        // Resume from the tail of the first saturated arc; the path before it is still usable.
        depth = firstSaturated;
        u = depth === 0 ? source : to[pathArc[depth - 1]];
        continue;
      }
      const end = start[u + 1];
      let a = nextArc[u];
      while (a < end && !(level[to[a]] === level[u] + 1 && this.isAdmissible(u, a))) a++;
      nextArc[u] = a;
      if (a < end) {
        pathArc[depth++] = a;
        u = to[a];
      } else {
        if (u === source) return;
        // Dead end: no path to the sink leaves u in this level graph.
        level[u] = -1;
        depth--;
        u = depth === 0 ? source : to[pathArc[depth - 1]];
        nextArc[u]++;
      }
    }
  }
}

/**
 * Binary min-heap of node numbers keyed by `dist`, with decrease-key: `push` of a node already
 * in the heap moves it up after its distance dropped. Ties go to the smaller node number, a
 * fixed order rather than one left to the heap's history.
 */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    nodeCount: number,
    private readonly dist: Float64Array,
  ) {
    this.heap = new Int32Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.heap[i]] = -1;
    this.size = 0;
  }

  isEmpty(): boolean {
    return this.size === 0;
  }

  push(node: number): void {
    let i = this.position[node];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = node;
      this.position[node] = i;
    }
    this.siftUp(i);
  }

  pop(): number {
    const top = this.heap[0];
    this.position[top] = -1;
    const last = this.heap[--this.size];
    if (this.size > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const da = this.dist[a];
    const db = this.dist[b];
    return da < db || (da === db && a < b);
  }

  private siftUp(i: number): void {
    const { heap, position } = this;
    const node = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(node, heap[parent])) break;
      heap[i] = heap[parent];
      position[heap[i]] = i;
      i = parent;
    }
    heap[i] = node;
    position[node] = i;
  }

  private siftDown(i: number): void {
    const { heap, position } = this;
    const node = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(heap[child + 1], heap[child])) child++;
      if (!this.less(heap[child], node)) break;
      heap[i] = heap[child];
      position[heap[i]] = i;
      i = child;
    }
    heap[i] = node;
    position[node] = i;
  }
}
