import { z } from 'zod';

/** The post-service steps of DOMAIN.md, in the order an engineer works them. */
export const CHECKLIST_STEPS = [
  { id: 'cabling', title: 'Cabling' },
  { id: 'portRole', title: 'Port role' },
  { id: 'numbers', title: 'Numbers' },
  { id: 'handsetLogin', title: 'Handset login' },
  { id: 'signOff', title: 'Sign-off' },
] as const;

export const ChecklistStepId = z.enum([
  'cabling',
  'portRole',
  'numbers',
  'handsetLogin',
  'signOff',
]);
export type ChecklistStepId = z.infer<typeof ChecklistStepId>;
