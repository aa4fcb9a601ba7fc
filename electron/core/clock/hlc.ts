/**
 * Hybrid logical clock: timestamps that follow wall time but never go backwards
 * and stay unique per node, so records edited at two offices order the same way
 * everywhere. Encoded to sort as strings: "<ms, 15 digits>-<counter, 4 hex>-<node>".
 */
export type WallClock = () => number;

export interface HlcState {
  ms: number;
  counter: number;
}

export class HybridLogicalClock {
  private state: HlcState;

  constructor(
    private readonly node: string,
    private readonly wall: WallClock = Date.now,
    initial?: string | null,
  ) {
    this.state = initial ? parseHlc(initial) : { ms: 0, counter: 0 };
  }

  now(): string {
    const wall = this.wall();
    if (wall > this.state.ms) this.state = { ms: wall, counter: 0 };
    else this.state = { ms: this.state.ms, counter: this.state.counter + 1 };
    return formatHlc(this.state, this.node);
  }

  /** Advance past a timestamp received from another office. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.state.ms || (r.ms === this.state.ms && r.counter > this.state.counter)) this.state = r;
  }
}

export function formatHlc(s: HlcState, node: string): string {
  return `${String(s.ms).padStart(15, '0')}-${s.counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(value: string): HlcState {
  const m = /^(\d{15})-([0-9a-f]{4,})-/.exec(value);
  if (!m) throw new Error('malformed HLC timestamp');
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 16) };
}
