import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, parseHlc } from '../../electron/core/clock/hlc';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does, and sorts as text', () => {
    let wall = 1_000;
    const c = new HybridLogicalClock('nodeA', () => wall);
    const a = c.now();
    wall = 500;
    const b = c.now();
    wall = 2_000;
    const d = c.now();
    expect([a, b, d]).toEqual([...[a, b, d]].sort());
    expect(new Set([a, b, d]).size).toBe(3);
    expect(parseHlc(b)).toEqual({ ms: 1_000, counter: 1 });
  });

  it('moves past a timestamp observed from another office and resumes from a stored one', () => {
    const remote = new HybridLogicalClock('B', () => 9_000).now();
    const local = new HybridLogicalClock('A', () => 1_000);
    local.observe(remote);
    expect(local.now() > remote).toBe(true);
    const resumed = new HybridLogicalClock('A', () => 10, remote);
    expect(resumed.now() > remote).toBe(true);
  });
});
