import { closest } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { Step } from './model.ts';

/**
 * What steps may name, taken from the partner's contract and profile. Each name is checked when the file
 * loads, so `lint` finds a misspelt event type or canonical code instead of a run reporting it as a broken
 * check, or a NO-GO. Whatever is left undefined is not checked.
 */
export interface StepTerms {
  operationIds: ReadonlySet<string>;
  /** Names known before the first step, beside uuid, now, seq and env.*: `webhooks` when a receiver runs. */
  variables?: ReadonlySet<string>;
  /** Event types the partner sends; 'none' when the profile declares no webhooks (no receiver runs). */
  events?: ReadonlySet<string> | 'none';
  /** For `expect.canonical`: the vocabulary's codes, and those the profile's `errors` maps onto (undefined: no errors section). */
  canonical?: { vocabulary: ReadonlySet<string>; mapped: ReadonlySet<string> | undefined };
}

/** A scenario's terms: its steps', and the rails the partner serves. */
export interface ScenarioTerms extends StepTerms {
  rails?: readonly string[];
}

/** The event a step awaits and the canonical code it expects, against the terms (pure). */
export function termProblems(doc: LocatedDocument, where: Array<string | number>, step: Step, terms: StepTerms): InputProblem[] {
  const problems: InputProblem[] = [];
  const event = step['await-webhook'];
  const events = terms.events === 'none' ? undefined : terms.events;
  if (event !== undefined && terms.events === 'none') {
    problems.push(doc.problem([...where, 'await-webhook'], `the profile declares no webhooks: no receiver runs, so no ${event} event can arrive`));
  } else if (event !== undefined && events && events.size > 0 && !events.has(event)) {
    problems.push(doc.problem([...where, 'await-webhook'], `'${event}' is not an event type the profile declares (declared: ${[...events].join(', ')}${hintOf(event, events)})`));
  }
  const code = step.expect?.canonical;
  const canonical = terms.canonical;
  if (code === undefined || !canonical) return problems;
  const at = [...where, 'expect', 'canonical'];
  if (!canonical.vocabulary.has(code)) problems.push(doc.problem(at, `'${code}' is not a code of the canonical vocabulary (vocabulary/canonical-codes.yaml${hintOf(code, canonical.vocabulary)})`));
  else if (!canonical.mapped) problems.push(doc.problem(at, `the profile has no errors section: no answer can be mapped onto ${code}`));
  else if (!canonical.mapped.has(code)) {
    // The profile's own misspelling (AM4 for AM04) is the likelier mistake: lint names it too, but only once the partner loads.
    const misspelt = closest(code, [...canonical.mapped].filter((c) => !canonical.vocabulary.has(c)));
    const why = misspelt ? `errors.map maps onto '${misspelt}', which is not a canonical code: did it mean ${code}?` : `no answer can meet this expectation (mapped: ${[...canonical.mapped].sort().join(', ')})`;
    problems.push(doc.problem(at, `nothing in errors.map or errors.byStatus maps onto ${code}: ${why}`));
  }
  return problems;
}

/** `; did you mean 'X'?` to end a parenthesis, when a candidate is close. */
function hintOf(word: string, candidates: Iterable<string>): string {
  const hint = closest(word, candidates);
  return hint ? `; did you mean '${hint}'?` : '';
}
