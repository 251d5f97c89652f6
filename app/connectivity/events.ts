// Engine events of the connectivity area. Each is a z.object with a literal `type`; app/events.ts joins every
// area's list into the one engine event union.
export const connectivityEventSchemas = [] as const;
