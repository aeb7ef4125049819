/** Bundles the CLI into out/cli; false when esbuild is not installed. */
export function buildCli(options?: { quiet?: boolean }): Promise<boolean>;
