export { retryFamily } from './family.ts';
