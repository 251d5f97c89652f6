#!/usr/bin/env bash
# Step of the btp-emulator stop action (stop/action.yml): stops the engine the start step left running
# and names its data folder in $GITHUB_OUTPUT, for the upload of recordings/, audit/ and engine.log.
# Nothing running is not an error: the step runs with `if: always()`, also after a failed start.
set -euo pipefail

read -r -a cli <<<"${BTP_EMULATOR_CLI:-npx --no-install btp-emulator}"
data_dir="${INPUT_DATA_DIR:-${BTP_EMULATOR_DATA_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/btp-emulator}}"
echo "data-dir=$data_dir" >>"$GITHUB_OUTPUT"
"${cli[@]}" stop -d "$data_dir"
