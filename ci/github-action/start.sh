#!/usr/bin/env bash
# Step of the btp-emulator GitHub Action (action.yml): starts the engine detached from this step, then
# writes its environment to $GITHUB_ENV and its admin URL, data folder and pid to $GITHUB_OUTPUT.
# Runs anywhere with bash and Node: the test suite runs it with temporary GITHUB_ENV/GITHUB_OUTPUT files.
set -euo pipefail

# The CLI command, split into words on purpose ("npx --no-install btp-emulator" by default).
read -r -a cli <<<"${BTP_EMULATOR_CLI:-npx --no-install btp-emulator}"
data_dir="${INPUT_DATA_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/btp-emulator}"
target=(-d "$data_dir")
if [ -n "${INPUT_WORKSPACE:-}" ]; then target+=(-w "$INPUT_WORKSPACE"); fi
start=(start --detach --json "${target[@]}")
if [ "${INPUT_EPHEMERAL_PORTS:-false}" = "true" ]; then start+=(--ephemeral-ports); fi
# More start options, split into words like the CLI command.
read -r -a extra <<<"${INPUT_ARGS:-}"

ready="$("${cli[@]}" "${start[@]}" ${extra[@]+"${extra[@]}"})"
field() { node -e 'process.stdout.write(String(JSON.parse(process.argv[1])[process.argv[2]]))' "$ready" "$1"; }
admin_url="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).urls.admin)' "$ready")"

# Keep the per-launch admin token out of the job log, whatever a later step prints.
echo "::add-mask::$(field adminToken)"
"${cli[@]}" env --format github "${target[@]}" >>"$GITHUB_ENV"
echo "BTP_EMULATOR_DATA_DIR=$data_dir" >>"$GITHUB_ENV"
{
  echo "admin-url=$admin_url"
  echo "data-dir=$data_dir"
  echo "pid=$(field pid)"
} >>"$GITHUB_OUTPUT"
echo "btp-emulator runs in the background (pid $(field pid), admin $admin_url, data folder $data_dir)."
