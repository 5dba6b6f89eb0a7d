export { openSession, targetBaseUrl } from './open-session.ts';
export type { Session, SessionOptions } from './open-session.ts';
