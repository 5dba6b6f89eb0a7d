import * as allure from 'allure-js-commons';
import { redactAttachment, redactText, runRules } from '../redact/index.ts';
import { serialSteps } from './serial-steps.ts';
import type { SerialSink } from './serial-steps.ts';

/**
 * Steps and attachments go to Allure through allure-js-commons (allure-vitest collects them), serialised:
 * checks that call a partner concurrently (the idempotency burst) still get one well-nested step per call.
 * Every name and every attachment is redacted here, with the run's rules, whoever made it: a check that
 * attaches a webhook payload or a step named after a value need not think of it.
 */
export const allureSink: SerialSink = serialSteps({
  step: async (name, fn) => await allure.step(redactText(name, runRules()), fn),
  attach: async (name, content, contentType) => {
    const rules = runRules();
    await allure.attachment(redactText(name, rules), redactAttachment(content, contentType, rules), { contentType });
  },
});

/** Labels that place a check in the Allure tree and in its behaviours view. */
export async function labelCheck(l: { partner: string; family: string; rails: string[]; story: string; severity: string; env: string; tags: string[]; title?: string; source?: string }): Promise<void> {
  // A scenario's title and the file:line it comes from head its page: what it proves, and where to change it.
  if (l.title || l.source) await allure.description([l.title, l.source && `From \`${l.source}\``].filter(Boolean).join('\n\n'));
  // parentSuite / suite come from the describe tree (partner > family), set by allure-vitest itself.
  await allure.feature(l.family);
  for (const rail of l.rails) await allure.epic(rail);
  await allure.story(l.story);
  await allure.severity(l.severity);
  await allure.label('partner', l.partner);
  await allure.parameter('environment', l.env);
  if (l.tags.length > 0) await allure.tags(...l.tags);
}
