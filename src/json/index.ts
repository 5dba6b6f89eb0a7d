export { escapePointer, getPointer, joinPointer, setPointer, splitPointer, toPointer } from './pointer.ts';
export { findMismatch, mergeOver } from './merge.ts';
export { parseJson } from './parse.ts';
