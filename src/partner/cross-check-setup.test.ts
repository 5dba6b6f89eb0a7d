import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../profile/index.ts';
import { formatInputProblem, parseLocatedYaml } from '../source/index.ts';
import { loadExamplePartner } from '../../test/helpers/workspace.ts';
import type { Partner } from './model.ts';
import { crossCheckSetup, lintRegistration } from './cross-check-setup.ts';

let eurocard: Partner;
beforeAll(async () => {
  eurocard = await loadExamplePartner('eurocard');
});

/** A profile fragment with webhooks.registration, and the setup given; problems and findings formatted. */
function judge(registration: string, setup: string): { problems: string[]; findings: string[] } {
  const doc = parseLocatedYaml('p.yaml', `id: p\nwebhooks:\n  scheme: timestamped\n  registration: ${registration}\n${setup}`);
  const profile = doc.data as Profile;
  return {
    problems: crossCheckSetup(profile, doc, eurocard.contract).map(formatInputProblem),
    findings: lintRegistration(profile, doc).map((f) => `${f.level} ${formatInputProblem(f.problem)}`),
  };
}

const REGISTRATION = '{ operation: createWebhookEndpoint, url: /url }';

describe('crossCheckSetup and lintRegistration', () => {
  it("accept a setup step that registers '${webhooks.url}'", () => {
    expect(judge(REGISTRATION, "setup:\n  - call: createWebhookEndpoint\n    body: { url: '${webhooks.url}' }\n")).toEqual({ problems: [], findings: [] });
  });

  it('lint: no setup step calls the operation, an error at the registration', () => {
    const { problems, findings } = judge(REGISTRATION, 'setup:\n  - call: getWebhookEndpoint\n    params: { endpointId: we_0000000000 }\n');
    expect(problems).toEqual([]);
    expect(findings).toEqual([
      "error p.yaml:4:30  webhooks.registration.operation: no setup step calls createWebhookEndpoint: p delivers webhooks only to registered URLs, so it will deliver nothing to railgate's receiver (add a setup step that calls createWebhookEndpoint with /url = '${webhooks.url}')",
    ]);
  });

  it('lint: a step that registers another URL (or the example) is a warning at the step', () => {
    const { findings } = judge(REGISTRATION, "setup:\n  - call: createWebhookEndpoint\n  - call: createWebhookEndpoint\n    body: { url: 'https://merchant.example/hooks' }\n");
    expect(findings).toEqual([
      "warning p.yaml:6:5  setup[0]: registers the contract's example URL at /url, not '${webhooks.url}': this step does not register railgate's receiver",
      'warning p.yaml:7:5  setup[1]: registers "https://merchant.example/hooks" at /url, not \'${webhooks.url}\': this step does not register railgate\'s receiver',
    ]);
  });

  it('setup steps are checked as scenario steps are', () => {
    const { problems } = judge(REGISTRATION, "setup:\n  - call: createWebhookEndpoint\n    body: { url: '${webhooks.url}' }\n  - replay: first\n  - poll: getWebhookEndpoint\n");
    expect(problems).toEqual(["p.yaml:8:13  setup[1].replay: no earlier step is named 'first'", "p.yaml:9:5  setup[2]: a poll needs 'until': the state that ends it"]);
  });

  it.each([
    ['an unknown operation', '{ operation: createWebhookEndpont, url: /url }', "p.yaml:4:30  webhooks.registration.operation: operation 'createWebhookEndpont' is not in the contract (did you mean 'createWebhookEndpoint'?)"],
    ['a pointer the request body lacks', '{ operation: createWebhookEndpoint, url: /uri }', "p.yaml:4:58  webhooks.registration.url: createWebhookEndpoint's request body schema has no /uri"],
    ['an operation without a body', '{ operation: getWebhookEndpoint, url: /url }', 'p.yaml:4:55  webhooks.registration.url: getWebhookEndpoint documents no request body: there is no URL to register'],
  ])('locate %s in the registration', (_, registration, problem) => {
    expect(judge(registration, "setup:\n  - call: createWebhookEndpoint\n    body: { url: '${webhooks.url}' }\n").problems).toEqual([problem]);
  });
});
