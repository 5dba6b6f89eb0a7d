export { InputError, formatInputProblem, formatPath, isInputError } from './input-error.ts';
export type { InputProblem } from './input-error.ts';
export { parseLocatedYaml } from './located-yaml.ts';
export type { LocatedDocument, Position } from './located-yaml.ts';
export { readLocatedYaml } from './read-file.ts';
export { schemaProblems, pointerToPath } from './schema-problems.ts';
export { closest } from './closest.ts';
export { validateInput, SCHEMAS_DIR } from './input-schema.ts';
