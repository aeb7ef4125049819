/** Why the built CLI cannot be used, or undefined when it is fresh. */
export function builtCliStaleness(root?: string): string | undefined;
/** runCli from the build, or from the sources. */
export function loadCli(): Promise<(argv: string[]) => Promise<number>>;
