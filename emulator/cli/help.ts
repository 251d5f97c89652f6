// What `--help` shows besides the options: an example per command, the way a script would write it.
import { SERVICE_IDS } from '../../app/constants.js';

export const PORT_HELP = `override a listener port; <service> is one of ${SERVICE_IDS.join(', ')} (repeatable; 0 = any free port)`;

const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

export const EXAMPLES = {
  program: examples(
    '$ btp-emulator start                                  # the demo workspace; prints the UI link',
    '$ btp-emulator exec -- npm test                        # your command against a running engine',
    '$ btp-emulator start --detach && eval "$(btp-emulator env)"   # CI: engine in the background',
    '',
    'Run btp-emulator <command> --help for the options and an example of each command.',
  ),
  start: examples(
    '$ btp-emulator start --workspace team.yaml --port admin=4000 --port proxy=4003',
    '$ btp-emulator start --json --ephemeral-ports         # for tools: read the first line (the ready line)',
    '$ btp-emulator start --detach -d ./.emulator           # CI: returns once ready; stop with btp-emulator stop -d ./.emulator',
  ),
  stop: examples(
    '$ btp-emulator stop -d ./.emulator                     # no engine running is not an error',
  ),
  status: examples(
    '$ btp-emulator status --json -d ./.emulator',
    '$ btp-emulator status -d ./.emulator >/dev/null || btp-emulator start --detach -d ./.emulator',
  ),
  env: examples(
    '$ eval "$(btp-emulator env)"                           # this shell',
    '$ btp-emulator env --format github >> "$GITHUB_ENV"   # the next steps of a GitHub Actions job',
    '$ btp-emulator env --format gitlab > emulator.env      # a GitLab dotenv report (artifacts:reports:dotenv)',
  ),
  vcap: examples('$ btp-emulator vcap --format default-env --out default-env.json   # for the approuter'),
  token: examples(
    '$ curl -H "Authorization: Bearer $(btp-emulator token -c demo-uaa -u bob)" http://localhost:4004/api',
  ),
  exec: examples(
    '$ btp-emulator exec -- npm start',
    '$ btp-emulator exec --workspace team.yaml --ephemeral-ports -- node server.js',
  ),
  ca: examples(
    '$ curl --cacert "$(btp-emulator ca)" https://localhost:20011/.well-known/openid-configuration',
  ),
  record: examples(
    '$ btp-emulator record S4D --live https://s4h.corp.example:44300 --session smoke',
    '$ btp-emulator record S4D --session smoke --detach -d ./.emulator   # CI: record while the tests run',
  ),
  replay: examples('$ btp-emulator replay S4D --session smoke --on-miss strict --json --ephemeral-ports'),
  sessions: examples(
    '$ btp-emulator sessions list',
    '$ btp-emulator sessions export smoke --out smoke.har',
    '$ btp-emulator sessions import ./browser.har --name from-browser --system S4D',
  ),
  validate: examples('$ btp-emulator validate team.yaml && echo valid'),
  init: examples('$ btp-emulator init team.json && btp-emulator start --workspace team.json'),
} as const;
