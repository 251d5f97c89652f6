// Exit codes of the CLI, documented in the README and app/errors.md. `status` follows the LSB init
// script convention for "not running" (3), so `btp-emulator status && …` reads naturally in a script.
export const EXIT = { ok: 0, failure: 1, badInput: 2, notRunning: 3 } as const;
