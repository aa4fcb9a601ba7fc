/**
 * Working-day arithmetic on calendar dates (YYYY-MM-DD), with an office calendar of
 * public holidays and make-up working weekends. Pure: no time zones, no clock.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  workdays: readonly string[];
}

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `n` working days after `date` (the start day itself does not count). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  let ms = toUtc(date);
  let left = n;
  while (left > 0) {
    ms += DAY_MS;
    const d = fromUtc(ms);
    const weekday = new Date(ms).getUTCDay();
    const working = workdays.has(d) || (!holidays.has(d) && weekday !== 0 && weekday !== 6);
    if (working) left -= 1;
  }
  return fromUtc(ms);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export type WarningLevel = 'none' | 'green' | 'yellow' | 'red';

/**
 * The traffic light of a deadline seen on `today`: red when overdue, yellow within
 * `yellowDays`, green within `greenDays`, otherwise none. Done items carry no light.
 */
export function warningLevel(
  due: string | null,
  today: string,
  thresholds: { greenDays: number; yellowDays: number },
  done = false,
): WarningLevel {
  if (!due || done) return 'none';
  const left = daysBetween(today, due);
  if (left < 0) return 'red';
  if (left <= thresholds.yellowDays) return 'yellow';
  if (left <= thresholds.greenDays) return 'green';
  return 'none';
}
