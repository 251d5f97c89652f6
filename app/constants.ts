// Plain constants of the contracts, without zod: the CLI's first module needs them to describe its
// options, and must not pay for loading the schemas to print `--help` or `--version`.

/** The listeners of the engine, as `--port <service>=<port>` and `engine.ports` name them. */
export const SERVICE_IDS = ['admin', 'xsuaa', 'xsuaaTls', 'destination', 'proxy', 'socks5'] as const;

/** Output formats of `btp-emulator vcap` and GET /api/bindings/export. */
export const BINDING_FORMATS = ['json', 'default-env', 'dotenv', 'shell'] as const;

/** Output formats of `btp-emulator env`: how shells and CI systems take environment variables. */
export const ENV_FORMATS = ['shell', 'dotenv', 'github', 'gitlab'] as const;

/** Variables `btp-emulator exec` and `env` hand over besides the bindings: how to reach the admin API. */
export const ADMIN_URL_VAR = 'BTP_EMULATOR_ADMIN_URL';
export const ADMIN_TOKEN_VAR = 'BTP_EMULATOR_ADMIN_TOKEN';
