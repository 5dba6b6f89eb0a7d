/** Help texts; one per command, shown by --help and on a usage mistake. */
export const HELP: Record<string, string> = {
  main: `railgate — contract test harness for payment-partner integrations

Usage: railgate <command> [options]

Commands:
  run        run the partner suites and write the reports (verdict = exit code)
  report     rebuild the reports from a reports folder, or merge the shards of one run
  init       write a partner profile and baseline scenarios inferred from its contract
  lint       validate contracts, profiles and scenarios; report every problem with its place
  simulate   serve a partner's simulator on a loopback port until stopped
  sign       print what railgate signs for an operation: canonical string or signature base, headers
  webhook    webhook diagnostics: 'railgate webhook verify' checks a captured callback

Run 'railgate <command> --help' for a command's options.
Exit codes: 0 every selected partner GO · 1 some partner NO-GO · 2 bad input or usage.`,
  run: `Usage: railgate run [options]

Runs the generated suites (contract checks + scenarios) and writes reports/: allure-results,
allure-report/index.html, junit.xml, readiness/<partner>.json and .md. Against the embedded
simulator time is virtual: the profile's timeouts, Retry-Afters and processing times are kept
and cost no real time. Against a sandbox time is real.

Options:
  --partner ID        only this partner (default: every partner in partners/)
  --scenario NAME     only this scenario; prints every HTTP exchange (redacted)
  --family NAME       only this check family (contract, conformance, scenarios, transactions, …)
  --rail CODE         only partners serving this rail, and only its scenarios (e.g. BR-PIX)
  --tag TAG           only checks with this tag (repeatable: any of them)
  --grep REGEX        only checks whose full name '<partner> <family> <check>' matches,
                      the name vitest -t and the reports show
  --shard I/N         the I-th of N runners: partners are dealt out in id order, each partner
                      whole; merge the shards' reports with 'railgate report --merge'
  --bail              stop at the first failed check
  --accept-todos      run against a sandbox or production although init's TODOs are unsettled
  --max-cases N       conformance cases per operation (default: the profile's conformance.maxCases, else 12)
  --concurrency N     independent checks run side by side against a sandbox or production, at most N
                      (default: the profile's concurrency, else 4; the simulator runs one at a time)
  --max-time DURATION end the whole run after this long (e.g. 20m), over the profiles' runTimeout
                      (default 30m a partner): checks still running are reported not finished
  --env NAME          simulator (default) | sandbox | production
  --allow-production  run destructive checks and faults against a production environment
                      (marked, named, or on production's host), after typing each partner id
                      again at a terminal; refused without one
  --defect NAME       plant a defect in the simulator (repeatable); see 'railgate simulate --help'
  --seed N            seed for generated data (default 20261121); printed at the start
  --reports DIR       where reports go (default: reports)
  --verbose           print every HTTP exchange (redacted)
  --reporter NAME     auto (default: live on a terminal, plain in CI or to a file) | live | plain
  --[no-]html         build the Allure HTML report (default: yes, but not for --scenario);
                      Allure results, JUnit and readiness are written either way
  -h, --help          this help

Exit codes: 0 every selected partner GO · 1 some partner NO-GO · 2 bad input or usage, or some
partner INCONCLUSIVE (a check broke inside railgate: a crash, a timeout, a configuration mistake).`,
  report: `Usage: railgate report [--reports DIR] [--no-html]
       railgate report --merge SHARD_DIR… [--reports DIR] [--no-html]

Rebuilds every report of a run from its folder (readiness/*.json and allure-results), without
running anything: readiness Markdown, summary.md, index.html and the Allure HTML report.
With --merge, joins the reports folders of one run's shards ('railgate run --shard i/n'): each
partner ran in one shard, so the merged verdicts are those of the unsharded run. The merged
folder (default: reports) is built aside and replaces the old one whole.

Options:
  --reports DIR       the folder to rebuild, or to merge into (default: reports)
  --merge             merge the folders given as arguments
  --[no-]html         build the Allure HTML report (default: yes)
  -h, --help          this help

Exit codes: as 'railgate run': 0 every partner GO · 1 some NO-GO · 2 usage, or some INCONCLUSIVE.`,
  init: `Usage: railgate init <id> --contract FILE [options]

Writes partners/<id>.yaml and baseline scenarios (suites/<id>/) inferred from the partner's
OpenAPI contract: auth from securitySchemes, the idempotency header and the operations that
take it, the error-code field and every documented code mapped to a suggested canonical code,
transactions from operations whose answers hold a status and an amount or currency, webhooks
from the contract's webhooks and callbacks. Each guess or gap is a '# TODO' comment that
'railgate lint' lists until it is settled. A contract outside DIR is copied under
contracts/<id>/. Existing files are refused (exit 2) unless --force; every file is written
or none.

Options:
  --contract FILE     the partner's OpenAPI 3.0 / 3.1 document (required)
  --rail CODE         the rail the partner serves, e.g. BR-PIX (default: a TODO)
  --dir DIR           the project folder to write into (default: the current folder)
  --force             replace files that already exist
  -h, --help          this help`,
  lint: `Usage: railgate lint [options]

Loads every partner's contract, profile and scenarios and reports each problem as
'file:line:col  path.to.key: message'. The profile's error map is checked against the
contract and the canonical vocabulary (unmapped codes, unknown canonical codes, retry
classes that disagree with statuses). A partner that delivers webhooks only to registered
URLs (webhooks.registration) needs a setup step that registers \${webhooks.url}.
Contract findings (missing error responses, invalid examples …) are listed as warnings,
and so is every TODO comment 'railgate init' left in a profile or scenario.

With --contract FILE, no profile is needed, from any folder: the profile 'railgate init'
would write is inferred in memory, and the contract's readiness findings come grouped by
rule, counted and located.

Options:
  --partner ID        only this partner
  --contract FILE     lint this OpenAPI document alone (a published one may load leniently)
  --rail CODE         with --contract: the rail the inferred profile names
  -h, --help          this help

Exit codes: 0 no errors · 2 errors found.`,
  simulate: `Usage: railgate simulate --partner ID | --contract FILE [options]

Serves the partner's simulator (built from its contract) on loopback until Ctrl-C. With --contract,
no profile is needed: the one 'railgate init' would write is inferred, and the test credentials
the simulator accepts are printed.

Options:
  --partner ID        the partner to simulate
  --contract FILE     simulate this OpenAPI document alone, from any folder
  --port N            port to listen on (default: any free port)
  --defect NAME       misbehave in one named way, or behave in one legitimate but awkward way
                      (a quirk: railgate must still say GO) (repeatable; both listed below)
  --seed N            seed for generated data (default 20261121)
  --time-scale F      real time per profile second, in (0, 1] (default 1: the partner's own pace);
                      processing time, state changes, webhook redelivery and the idempotency window
                      follow it; timestamps and signatures stay on the wall clock, as a partner's do
  --webhook-url URL   where signed webhooks go, for a partner without webhooks.registration
                      (the URL configured in its dashboard)
  -h, --help          this help`,
  sign: `Usage: railgate sign --partner ID --operation OP [options]

Prints the exact canonical string (HMAC) or signature base (RFC 9421) railgate signs for one request to
the operation, the headers it would send and the signature — to compare, byte for byte, with what the
partner says it computed. Secrets are never printed; an OAuth2 token is shown as a placeholder.

Options:
  --partner ID        the partner (required)
  --operation OP      the operationId (required)
  --body FILE         the body to sign, exactly as sent (default: the contract's example)
  --at TIMESTAMP      sign as of this time: unix seconds or ISO 8601 (default: now)
  --nonce VALUE       the nonce to sign with (default: a random one)
  --param NAME=VALUE  a path, query or header parameter (repeatable; default: the contract's examples)
  --env NAME          whose credentials: simulator (the profile's test credentials, default) | sandbox |
                      production (environment variables named by the profile)
  --signature VALUE   the signature the partner received (same --at and --nonce): printed beside
                      railgate's, with the header it travels in; exit 1 when they differ
  -h, --help          this help

Exit codes: 0 printed (and, with --signature, the same) · 1 the signatures differ · 2 bad input or usage.`,
  webhook: `Usage: railgate webhook verify --partner ID --body FILE --header 'Name: value'… [options]

Says whether a captured webhook delivery verifies under the partner's scheme, and if not which step
differs: no signature, timestamp outside tolerance, digest mismatch, signature mismatch against the
computed base (printed), unknown key id. On a failure it names where it looked for the signature (a
header, or a JSON Pointer into the body for fields-hmac) and prints the received signature beside the
one railgate computes (HMAC schemes; key-pair schemes only where it holds the private key).

Options:
  --partner ID        the partner (required)
  --body FILE         the raw body exactly as received (required)
  --header 'N: v'     a received header (repeatable): the signature headers at least (paypal: the
                      PAYPAL-TRANSMISSION-ID, -TIME, -SIG and PAYPAL-AUTH-ALGO headers)
  --url URL           the URL the partner posted to (RFC 9421 signs it; default: the environment's webhookUrl)
  --at TIMESTAMP      judge timestamps as of this time: unix seconds or ISO 8601 (default: now)
  --env NAME          whose key: simulator (default) | sandbox | production
  -h, --help          this help

Exit codes: 0 verified · 1 not verified · 2 bad input or usage.`,
};
