// Ordered migrations from each older schemaVersion to the next. A migration takes the raw object of
// version `from` and returns the raw object of version `to`; the schema validates only the result.
import { EmulatorError } from '../errors.js';
import { CURRENT_SCHEMA_VERSION } from './schema.js';

type Raw = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  description: string;
  up: (raw: Raw) => Raw;
}

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description:
      'users moved under xsuaa; locations moved under cloudConnector with an optional id instead of ""; ' +
      'destinations became { subaccount: [...], instance: [...] } instead of a map by name',
    up: (raw) => {
      const { users, locations, destinations, ...rest } = raw;
      const xsuaa: Raw = isRecord(rest.xsuaa) ? { ...rest.xsuaa } : {};
      if (users !== undefined) xsuaa.users = users;
      const out: Raw = { ...rest, schemaVersion: 2, xsuaa };
      if (Array.isArray(locations)) {
        out.cloudConnector = {
          locations: locations.map((loc: unknown) => {
            if (!isRecord(loc)) return loc;
            const { locationId, ...l } = loc;
            return typeof locationId === 'string' && locationId !== '' ? { id: locationId, ...l } : l;
          }),
        };
      }
      if (isRecord(destinations)) {
        out.destinations = {
          subaccount: Object.entries(destinations).map(([Name, d]) => (isRecord(d) ? { Name, ...d } : d)),
        };
      }
      return out;
    },
  },
];

export interface MigrationResult {
  value: Raw;
  /** Descriptions of the migrations applied, oldest first. */
  applied: string[];
  fromVersion: number;
}

/** Brings a raw workspace object up to CURRENT_SCHEMA_VERSION. */
export function migrateWorkspace(raw: unknown, file?: string): MigrationResult {
  const where = file === undefined ? {} : { file };
  if (!isRecord(raw)) {
    throw new EmulatorError('EMU_ERR_WORKSPACE_INVALID', 'The workspace must be an object.', {
      issues: [{ path: '$', message: 'expected an object', ...where }],
    });
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new EmulatorError(
      'EMU_ERR_WORKSPACE_VERSION',
      'schemaVersion is missing or not a whole number ≥ 1.',
      {
        issues: [
          {
            path: '$.schemaVersion',
            message: `expected a whole number from 1 to ${CURRENT_SCHEMA_VERSION}`,
            ...where,
          },
        ],
      },
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new EmulatorError(
      'EMU_ERR_WORKSPACE_VERSION',
      `schemaVersion ${version} is newer than this emulator supports (${CURRENT_SCHEMA_VERSION}).`,
      {
        issues: [
          { path: '$.schemaVersion', message: `at most ${CURRENT_SCHEMA_VERSION} is supported`, ...where },
        ],
      },
    );
  }
  let value = raw;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if ((value.schemaVersion as number) === m.from) {
      value = { ...m.up(value), schemaVersion: m.to };
      applied.push(`${m.from}→${m.to}: ${m.description}`);
    }
  }
  return { value, applied, fromVersion: version };
}
