import { z } from 'zod';

/**
 * The steps of a guided job (DOMAIN.md "Post-service configuration"), in the order the
 * checklist lists them; the engineer may work them in any order. Each is a route segment
 * (`/jobs/:jobId/<segment>`), a renderer feature folder and a status function in ./steps.
 */
export const CHECKLIST_STEPS = [
  { id: 'numbers', title: 'Numbers', segment: 'numbers' },
  { id: 'cabling', title: 'Cabling', segment: 'cabling' },
  { id: 'portRole', title: 'Port roles', segment: 'port-roles' },
  { id: 'handsetLogin', title: 'Handset login', segment: 'handset-login' },
  { id: 'ringTest', title: 'Ring test', segment: 'ring-test' },
  { id: 'signOff', title: 'Sign-off', segment: 'sign-off' },
] as const;

export const ChecklistStepId = z.enum([
  'numbers',
  'cabling',
  'portRole',
  'handsetLogin',
  'ringTest',
  'signOff',
]);
export type ChecklistStepId = z.infer<typeof ChecklistStepId>;

export function stepTitle(id: ChecklistStepId): string {
  return CHECKLIST_STEPS.find((step) => step.id === id)?.title ?? id;
}
