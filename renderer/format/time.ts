// Times as people read them: coarse relative phrases, with the exact time kept for tooltips.
const UNITS: [limitSeconds: number, divisor: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [60, 1, 'second'],
  [3600, 60, 'minute'],
  [86_400, 3600, 'hour'],
  [Number.POSITIVE_INFINITY, 86_400, 'day'],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago": coarse on purpose, the exact time is in the tooltip. */
export function formatSince(isoTime: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(isoTime)) / 1000));
  if (Number.isNaN(seconds)) return isoTime;
  if (seconds < 10) return 'just now';
  const [, divisor, unit] = UNITS.find(([limit]) => seconds < limit) ?? UNITS[UNITS.length - 1]!;
  return relative.format(-Math.floor(seconds / divisor), unit);
}

export function formatTimestamp(isoTime: string): string {
  const date = new Date(isoTime);
  return Number.isNaN(date.getTime()) ? isoTime : date.toLocaleString();
}

/** "in 12 hours" / "3 minutes ago" for a moment in the past or the future. */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.round((epochMs - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  const magnitude = Math.abs(seconds);
  if (magnitude < 10) return seconds <= 0 ? 'just now' : 'in a few seconds';
  const [, divisor, unit] = UNITS.find(([limit]) => magnitude < limit) ?? UNITS[UNITS.length - 1]!;
  return relative.format(Math.round(seconds / divisor), unit);
}

/** Seconds as a coarse duration: "5 minutes", "12 hours". */
export function formatDuration(totalSeconds: number): string {
  const magnitude = Math.abs(totalSeconds);
  const [, divisor, unit] = UNITS.find(([limit]) => magnitude < limit) ?? UNITS[UNITS.length - 1]!;
  const value = Math.round((magnitude / divisor) * 10) / 10;
  return new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
