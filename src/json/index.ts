export { escapePointer, getPointer, joinPointer, setPointer, splitPointer, toPointer } from './pointer.ts';
export { findMismatch, findMismatches, mergeOver } from './merge.ts';
export type { Mismatch } from './merge.ts';
export { parseJson } from './parse.ts';
