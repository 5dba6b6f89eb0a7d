/** Help texts; one per command, shown by --help and on a usage mistake. */
export const HELP: Record<string, string> = {
  main: `railgate — contract test harness for payment-partner integrations

Usage: railgate <command> [options]

Commands:
  run        run the partner suites and write the reports (verdict = exit code)
  lint       validate contracts, profiles and scenarios; report every problem with its place
  simulate   serve a partner's simulator on a loopback port until stopped

Run 'railgate <command> --help' for a command's options.
Exit codes: 0 every selected partner GO · 1 some partner NO-GO · 2 bad input or usage.`,
  run: `Usage: railgate run [options]

Runs the generated suites (contract checks + scenarios) and writes reports/: allure-results,
allure-report/index.html, junit.xml, readiness/<partner>.json and .md.

Options:
  --partner ID        only this partner (default: every partner in partners/)
  --scenario NAME     only this scenario; prints every HTTP exchange (redacted)
  --family NAME       only this check family (contract, scenarios, transactions, …)
  --env NAME          simulator (default) | sandbox | production
  --defect NAME       plant a defect in the simulator (repeatable); see 'railgate simulate --help'
  --seed N            seed for generated data (default 20261121); printed at the start
  --time-scale F      real time per profile second, in (0, 1] (default 0.01 on the
                      simulator, 1 elsewhere): timeouts, backoff and the simulator scale together
  --reports DIR       where reports go (default: reports)
  --verbose           print every HTTP exchange (redacted)
  -h, --help          this help

Exit codes: 0 every selected partner GO · 1 some partner NO-GO · 2 bad input or usage.`,
  lint: `Usage: railgate lint [options]

Loads every partner's contract, profile and scenarios and reports each problem as
'file:line:col  path.to.key: message'. Contract findings (missing error responses,
invalid examples …) are listed as warnings.

Options:
  --partner ID        only this partner
  -h, --help          this help

Exit codes: 0 no errors · 2 errors found.`,
  simulate: `Usage: railgate simulate --partner ID [options]

Serves the partner's simulator (built from its contract) on loopback until Ctrl-C.

Options:
  --partner ID        the partner to simulate (required)
  --port N            port to listen on (default: any free port)
  --defect NAME       misbehave in one named way (repeatable)
  --seed N            seed for generated data (default 20261121)
  -h, --help          this help`,
};
