import type { z } from 'zod';

/** A schema failure as one line for people: `field.path: what is wrong; …`. */
export function describeIssues(error: z.ZodError, whole = '(request)'): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : whole}: ${issue.message}`)
    .join('; ');
}
