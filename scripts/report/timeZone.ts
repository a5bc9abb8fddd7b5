import { InputError } from './inputs';

/**
 * Day boundaries in a time zone: an IANA zone (Asia/Shanghai, Asia/Urumqi) or a UTC offset
 * (+08:00, -05:30, UTC). Returns the epoch ms of local midnight of a YYYY-MM-DD day.
 */
export type Midnight = (day: string) => number;

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

export function midnightIn(zone: string): Midnight {
  if (zone === 'UTC' || zone === 'Z') return (day) => Date.parse(`${day}T00:00:00Z`);
  const m = OFFSET.exec(zone);
  if (m) {
    const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    if (Math.abs(minutes) > 14 * 60) throw new InputError(`--tz ${zone}: an offset from -14:00 to +14:00`);
    return (day) => Date.parse(`${day}T00:00:00Z`) - minutes * 60_000;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    throw new InputError(`--tz ${zone}: not an IANA time zone (such as Asia/Shanghai) nor a UTC offset (such as +08:00)`);
  }
  // The zone's offset at t: its wall clock read as if it were UTC, less t.
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - t;
  };
  return (day) => {
    const wall = Date.parse(`${day}T00:00:00Z`);
    const guess = wall - offsetAt(wall);
    // Once more at the guess, in case a daylight-saving change lies between.
    return wall - offsetAt(guess);
  };
}
