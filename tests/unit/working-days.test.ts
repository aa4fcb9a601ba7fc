import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, daysBetween, isWorkingDay, warningLevel } from '../../shared/working-days';

const NO_HOLIDAYS = { holidays: [], workdays: [] };
// National Day week 2026 as an office might enter it, with a make-up Saturday.
const OCTOBER = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};

describe('working days', () => {
  it('skip weekends', () => {
    expect(addWorkingDays('2026-11-27', 1, NO_HOLIDAYS)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 15, NO_HOLIDAYS)).toBe('2026-12-14');
  });

  it('skip office holidays and count make-up working weekends', () => {
    expect(isWorkingDay('2026-10-01', OCTOBER)).toBe(false);
    expect(isWorkingDay('2026-10-10', OCTOBER)).toBe(true);
    // From Wed 30 Sep: Oct 8 (Thu), 9 (Fri), 10 (make-up Sat), 12 (Mon).
    expect(addWorkingDays('2026-09-30', 4, OCTOBER)).toBe('2026-10-12');
  });

  it('always land on a working day after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(start, n, OCTOBER);
        return isWorkingDay(due, OCTOBER) && daysBetween(start, due) >= n;
      }),
    );
  });

  it('colour deadlines by the office thresholds', () => {
    const t = { greenDays: 20, yellowDays: 10 };
    expect(warningLevel('2026-12-31', '2026-11-28', t)).toBe('none');
    expect(warningLevel('2026-12-15', '2026-11-28', t)).toBe('green');
    expect(warningLevel('2026-12-05', '2026-11-28', t)).toBe('yellow');
    expect(warningLevel('2026-11-27', '2026-11-28', t)).toBe('red');
    expect(warningLevel('2026-11-27', '2026-11-28', t, true)).toBe('none');
  });
});
