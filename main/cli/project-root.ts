import { fileURLToPath } from 'node:url';

/** The folder holding package.json (this file is main/cli/project-root.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
