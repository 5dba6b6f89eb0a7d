import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schemas/canonical-codes.schema.json' with { type: 'json' };
import { InputError, formatPath, schemaProblems } from '../source/index.ts';
import type { InputProblem, LocatedDocument } from '../source/index.ts';
import type { CanonicalCode, Vocabulary } from './types.ts';

// The vocabulary as data (vocabulary/canonical-codes.yaml) → a validated, typed Vocabulary. Pure:
// loadVocabulary (load-vocabulary.ts) does the reading.

export interface VocabularyFile {
  version: 1;
  codes: CanonicalCode[];
}

// verbose: schemaProblems reads parentSchema to suggest the key meant by an unknown one. The schema is railgate's own
// (its tests compile it): not checked against JSON Schema's meta-schema at every start, a compile of 30 ms.
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, validateSchema: false });
const validateFile = ajv.compile<VocabularyFile>(schema);

/**
 * Validates parsed vocabulary data and builds the Vocabulary. `doc`, the located file the data came
 * from, places each problem at its line; without one, problems sit at 1:1 of 'vocabulary' and their
 * key path says where. Throws InputError with every problem.
 */
export function parseVocabulary(data: unknown, doc: LocatedDocument = unlocated(data)): Vocabulary {
  if (!validateFile(data)) throw new InputError(schemaProblems(doc, validateFile.errors ?? []));
  const duplicates = duplicateProblems(data.codes, doc);
  if (duplicates.length > 0) throw new InputError(duplicates);
  return createVocabulary(data.codes);
}

/** A Vocabulary over codes already valid (tests build small ones with it). */
export function createVocabulary(codes: Iterable<CanonicalCode>): Vocabulary {
  const byCode: ReadonlyMap<string, CanonicalCode> = new Map([...codes].map((entry) => [entry.code, entry]));
  return {
    codes: byCode,
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
  };
}

function duplicateProblems(codes: readonly CanonicalCode[], doc: LocatedDocument): InputProblem[] {
  const first = new Map<string, number>();
  return codes.flatMap(({ code }, index) => {
    const earlier = first.get(code);
    if (earlier === undefined) {
      first.set(code, index);
      return [];
    }
    return [doc.problem(['codes', index, 'code'], `duplicate code '${code}' (first at codes[${earlier}])`)];
  });
}

function unlocated(data: unknown): LocatedDocument {
  const file = 'vocabulary';
  return {
    file,
    data,
    locate: () => ({ line: 1, col: 1 }),
    problem: (path, message) => ({ file, line: 1, col: 1, path: formatPath(path), message }),
  };
}
