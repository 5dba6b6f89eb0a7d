import { fieldValue } from '../../auth/index.ts';
import type { HttpMessage } from '../../auth/index.ts';
import { setPointer, toPointer } from '../../json/index.ts';
import type { Profile } from '../../profile/index.ts';
import { jsonAnswer } from '../answer.ts';
import type { Answer } from '../answer.ts';

type Refused = HttpMessage & { body: string };

/**
 * Planted defect `reflect-credentials`: a partner whose 401 quotes what it refused (the API key, the
 * Authorization header), as careless gateways do. Every other refusal is text/plain and adds the base64 of
 * each, so railgate's redaction is tried on both shapes and on an encoded form.
 */
export function credentialReflector(profile: Profile): (message: Refused, status: number, code: string | undefined) => Answer {
  let refusals = 0;
  return (message, status, code) => {
    const presented = presentedCredentials(profile, message);
    const text = presented.map(([what, value]) => `invalid ${what} '${value}'`).join('; ') || 'invalid credentials';
    if (refusals++ % 2 === 1) {
      const encoded = presented.map(([what, value]) => `${what} (base64) ${Buffer.from(value).toString('base64')}`).join('; ');
      return { status, headers: { 'content-type': 'text/plain' }, body: `${status} ${text}${encoded ? `; ${encoded}` : ''}` };
    }
    const body = {};
    setPointer(body, toPointer(profile.errors?.code ?? '/error/code'), code ?? 'UNAUTHORIZED');
    setPointer(body, toPointer(profile.errors?.message ?? '/error/message'), text);
    return jsonAnswer(body, status);
  };
}

function presentedCredentials(profile: Profile, message: Refused): Array<[string, string]> {
  const apiKey = profile.auth?.apiKey;
  const key = apiKey && (apiKey.in === 'header' ? fieldValue(message.headers, apiKey.name) : (new URL(message.url).searchParams.get(apiKey.name) ?? undefined));
  const authorization = fieldValue(message.headers, 'authorization');
  return [...(key ? [['API key', key] as [string, string]] : []), ...(authorization ? [['Authorization', authorization] as [string, string]] : [])];
}
