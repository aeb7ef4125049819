import type { ComponentType } from 'react';
import type { ChecklistStepId, JobView } from '../../../../shared/jobs';

/** What every job step's screen is given: the open job as main last answered it. */
export interface JobStepScreenProps {
  view: JobView;
  /** The job is archived: show, never change. */
  readOnly: boolean;
}

export type JobStepScreens = Partial<Record<ChecklistStepId, ComponentType<JobStepScreenProps>>>;
