/** Why the build in `<root>/dist` cannot be trusted, or undefined when every file it was made from is as it was. */
export function staleness(root: URL): string | undefined;
