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
