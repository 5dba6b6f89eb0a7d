import { getPointer, parseJson } from '../json/index.ts';
import type { CheckContext } from './model.ts';

/**
 * Why railgate's receiver can expect nothing from a partner that delivers only to registered URLs
 * (`webhooks.registration`): no successful call of the registration operation in this session carried
 * the receiver's URL. Undefined when one did, or when the partner needs no registration.
 */
export function unregisteredReceiver(ctx: CheckContext): string | undefined {
  const registration = ctx.partner.profile.webhooks?.registration;
  const hooks = ctx.auth.webhooks;
  if (!registration || !hooks) return undefined;
  const registered = ctx.ledger.forOperation(registration.operation).some((e) => {
    const status = e.response?.status ?? 0;
    return status >= 200 && status < 300 && getPointer(parseJson(e.request.body), registration.url) === hooks.url;
  });
  if (registered) return undefined;
  return (
    `${ctx.partner.id} delivers webhooks only to URLs registered with ${registration.operation} (webhooks.registration), ` +
    `and no call registered railgate's receiver ${hooks.url}: add a setup step that calls ${registration.operation} with ${registration.url} = '\${webhooks.url}'`
  );
}
