// Help text that commander does not generate: examples for every command and the exit codes.

export const EXIT_CODES_HELP = `
Exit codes (every command except check):
  0  done
  1  failed: API, network, authentication or configuration error, or a change refused by --read-only
  2  usage error: unknown command or flag, bad value (the message names the flag and what is allowed)
`;

export const CHECK_EXIT_HELP = `
Exit codes (the monitoring convention: Nagios, Icinga, Zabbix, Sensu):
  0  OK        every credential is valid beyond --warn days
  1  WARNING   one expires within --warn days (default 7, Veracode's first reminder)
  2  CRITICAL  one is expired, revoked, rejected by the server, or expires within --critical days (default 1)
  3  UNKNOWN   cannot tell: network or configuration problem, or a bad flag or value
  The worst state wins; a known problem (CRITICAL, WARNING) outranks UNKNOWN.
  Lines are printed worst first. --org skips revoked credentials no local profile holds.
`;

export const MAIN_HELP_AFTER = `
Without a command, vcreds opens the interactive table (on a terminal only).

Examples:
  vcreds                                   open the interactive table
  vcreds --demo                            try it on the built-in demo organisation
  vcreds list --status expiring,expired    what needs attention
  vcreds list --json | jq '.[].id'         machine-readable list
  vcreds show 3ddaeeb1                     one credential (a unique id prefix of 8+ characters)
  vcreds create hmac --save-profile ci     new key, saved to ~/.veracode/credentials [ci]
  vcreds create oauth --name deploy --ttl-days 90 --role uploadapi
  vcreds revoke 3ddaeeb1 --yes             revoke without asking (scripts)
  vcreds rotate --profile ci               new key for [ci], file updated atomically, proven
  vcreds targets add --profile ci dotenv:.env   ... and delivered to .env on every rotation
  vcreds check --all-profiles --warn 14    for monitoring: exit 0/1/2/3
  vcreds doctor                            audit the local setup
  vcreds api /api/authn/v2/users/self      any signed request, JSON to stdout
  vcreds config set profile ci             use [ci] unless --profile or VERACODE_API_PROFILE says otherwise
  vcreds emulator --port 8080              a local Identity API for trying things out

Credentials: VERACODE_API_KEY_ID + VERACODE_API_KEY_SECRET (they win when both are set), else
the profile (--profile, VERACODE_API_PROFILE, or [default]) of ~/.veracode/credentials.
An OAuth client instead: VERACODE_OAUTH_CLIENT_ID + VERACODE_OAUTH_CLIENT_SECRET.
NO_COLOR turns colour off, like --no-color.
${EXIT_CODES_HELP}`;

/** create hmac / create oauth with --target. */
const CREATE_TARGETS_HELP = `
--target TARGET (repeatable; the forms of vcreds targets add): the new credential is proven (a
signed call, or a token request), then delivered to each target, which is kept as its target for
later rotations. One report: each target delivered, proven or failed with the reason; exit 0
only when every target has it. The secret is printed only when nothing received it (no target,
no --save-profile). A failed target gets it later from vcreds targets deliver ID: until then it
is kept in the recovery journal (only there). --name KEY=NAME and --protected / --no-masked as in
vcreds targets add, for every --target given.
`;

export const EXAMPLES = {
  config: `
Examples:
  vcreds config                                   what is set, and where it is kept
  vcreds config set profile ci                    use [ci] when neither --profile nor VERACODE_API_PROFILE is given
  vcreds config set api-url https://api.veracode.eu
  vcreds config unset api-url

Order of precedence: --profile, then VERACODE_API_PROFILE, then this setting, then [default];
--api-url, then --region, then this setting, then the region of the key's prefix.
`,
  list: `
Examples:
  vcreds list
  vcreds list --type hmac --status expiring,expired
  vcreds list --account api --owner ci-bot
  vcreds list --expiring-within 30 --csv > soon.csv
  vcreds list --json | jq '.[] | select(.status=="expired") | .id'

--json prints an array of objects with the keys id, type, name, owner {userId, userName,
accountType}, status, expiresAt, daysLeft, createdAt, revokedAt, roles, profiles.
`,
  show: `
Examples:
  vcreds show 3ddaeeb10ca690df3fee5e3bd1c329fa
  vcreds show 3ddaeeb1 --json        (a unique prefix of at least 8 characters)
`,
  createHmac: `
The owner's previous HMAC pair keeps working for Veracode's 24-hour renewal grace, then is revoked.
The secret is printed once to stdout; with --save-profile it is written to the credentials file
(atomically, 0600, under a lock, the last five previous files kept as credentials.bak.<UTC time>)
and not printed. A profile that holds another key is refused unless --force.

Examples:
  vcreds create hmac                          a new pair for yourself, printed once
  vcreds create hmac --save-profile ci        ... saved to [ci] instead of printed
  vcreds create hmac --save-profile ci --force   ... replacing the key [ci] held
  vcreds create hmac --user ci-bot --json     for an API service account (admins)
  vcreds create hmac --user ci-bot --target github:acme/api --target vault:secret/ci/veracode
                                              ... proven, then delivered there (not printed)
  vcreds create hmac --target dotenv:./.env --target github:org/acme --name secret=VC_SECRET
${CREATE_TARGETS_HELP}`,
  createOauth: `
Examples:
  vcreds create oauth --name deploy --ttl-days 90 --role uploadapi
  vcreds create oauth --name reports --expires 2026-12-31 --role resultsapi --role uploadapi \\
      --description "nightly report job" --user ci-bot --json
  vcreds create oauth --name deploy --ttl-days 90 --role uploadapi \\
      --target gitlab:acme/api@production --protected --target exec:./push-secret.sh
  vcreds create oauth --name deploy --ttl-days 90 --role uploadapi --target github:acme/api \\
      --name secret=VC_CLIENT_SECRET     (with --target, --name id=/secret= names a variable)
${CREATE_TARGETS_HELP}`,
  revoke: `
Revoking takes effect immediately. On a terminal you are asked to type the id's last 4
characters; without a terminal, --yes is required.

Examples:
  vcreds revoke 3ddaeeb1
  vcreds revoke 3ddaeeb10ca690df3fee5e3bd1c329fa --yes
`,
  rotate: `
HMAC: a new pair for the key's owner; every local profile holding the old key is updated in one
atomic write; the new key is proven with a signed call; if the proof fails the file is restored
and the new secret is printed so it is never lost. OAuth: a new secret (printed once), proven with
a token request; --retire-old then retires the previous secret(s).

Examples:
  vcreds rotate --profile ci            the key of profile [ci]
  vcreds rotate                         the key in use (env vars or [default])
  vcreds rotate 3ddaeeb1                any HMAC key or OAuth client by id
  vcreds rotate 0oa1b2c3d4 --retire-old --json
  vcreds rotate 3ddaeeb1 --dry-run      the plan: what would be generated, written and delivered
  vcreds rotate --due 14                every key of yours expiring within 14 days, delivered to its targets

With targets (vcreds targets add), the new secret is delivered to each after it is proven, and
each delivery is proven where the target allows; exit 0 only when every target has it. OAuth: the
previous secret is retired only once every target has the new one (--keep-old keeps it). HMAC:
the previous pair works 24 hours more: the report gives that deadline for failed targets, and
vcreds targets deliver ID re-delivers meanwhile. --due exits like check: 0 all done or nothing
due, 1 a due credential was skipped, 2 a rotation or delivery failed, 3 could not run.
`,
  targets: `
Targets: profile:NAME, dotenv:PATH, exec:COMMAND (the credential as JSON on stdin),
github:OWNER/REPO, github:OWNER/REPO@ENVIRONMENT, github:org/ORG (GH_TOKEN or GITHUB_TOKEN,
GITHUB_API_URL), gitlab:GROUP/PROJECT[@SCOPE] (GITLAB_TOKEN, GITLAB_URL), vault:MOUNT/PATH
(KV v2; VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE). Names default to VERACODE_API_KEY_ID/SECRET
(VERACODE_OAUTH_CLIENT_ID/SECRET for OAuth clients). Only descriptors are kept, never a secret.

Examples:
  vcreds targets                                          every target and what it holds
  vcreds targets add 3ddaeeb1 dotenv:./.env
  vcreds targets add --profile ci github:acme/api@production
  vcreds targets add 3ddaeeb1 github:org/acme --name secret=VC_SECRET --name id=VC_ID
  vcreds targets add 0oa1b2c3d4 gitlab:acme/api@production --protected
  vcreds targets add 3ddaeeb1 vault:secret/ci/veracode
  vcreds targets add 3ddaeeb1 'exec:./push-key.sh --env prod'
  vcreds targets test                                     access checks, nothing changed
  vcreds targets remove 3ddaeeb1 dotenv:./.env
  vcreds targets deliver 3ddaeeb1                         again, to the targets that failed
`,
  check: `
Examples:
  vcreds check                          the key in use
  vcreds check --profile ci --warn 14 --critical 3
  vcreds check --all-profiles           every profile of ~/.veracode/credentials
  vcreds check --org --json             every credential of the organisation (admins)
`,
  doctor: `
Checks: every profile and the env vars against the server (active, expiring, expired, revoked,
unknown key); env vars and file both set; a key whose region prefix disagrees with the API URL;
a credentials file readable by group or others; no [default]; a leftover [greenlight]; one key
in several profiles; non-standard variables (VERACODE_API_ID, VERACODE_API_KEY).
Exit 0 when all is well, 1 when anything needs fixing.

Examples:
  vcreds doctor
  vcreds doctor --json
`,
  api: `
Like gh api: -f key=value becomes a query parameter for GET, a JSON body field otherwise
(numbers, true, false and null are typed). The JSON answer is printed to stdout; a non-2xx
answer is also explained on stderr and exits 1.

Examples:
  vcreds api /api/authn/v2/users/self
  vcreds api /api/authn/v2/users -f detailed=true -f size=10
  vcreds api -X POST /api/authn/v2/api_credentials
`,
  emulator: `
Serves the Veracode Identity API on 127.0.0.1 with a seeded organisation, and prints the API URL
and an admin key as a profile snippet. Runs until Ctrl+C.

Examples:
  vcreds emulator
  vcreds emulator --port 8080 --users 200 --data ./emulator.json
  vcreds emulator --latency 300 --error-rate 0.1 --drop-rate 0.05 --log     a flaky server
  vcreds emulator --page-size-cap 20 --no-user-credentials                 paging and per-user lookups
`,
};
