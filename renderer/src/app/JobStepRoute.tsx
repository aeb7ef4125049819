import { Navigate, useParams } from '@tanstack/react-router';
import { useOpenJob } from '../features/jobs/openJobStore';
import { StepPage } from '../features/jobs/StepPage';
import { jobStepScreens } from './jobSteps';
import { segmentForStep, stepIdForSegment } from './routes';

/** `jobs/$jobId/$step`: the step the URL names (the router has already refused unknown ids). */
export function JobStepRoute() {
  const { step } = useParams({ from: '/jobs/$jobId/$step' });
  const view = useOpenJob((state) => state.view);
  const stepId = stepIdForSegment(step);
  if (view.status !== 'ready' || !stepId) return null;
  return <StepPage view={view.value} stepId={stepId} Screen={jobStepScreens[stepId]} />;
}

/** `jobs/$jobId`: goes on to the first step not done yet (the last one when all are). */
export function JobLandingRoute() {
  const { jobId } = useParams({ from: '/jobs/$jobId' });
  const view = useOpenJob((state) => state.view);
  if (view.status !== 'ready') return null;
  const steps = view.value.steps;
  const next = steps.find((s) => s.state !== 'done') ?? steps[steps.length - 1];
  if (!next) return null;
  return (
    <Navigate to="/jobs/$jobId/$step" params={{ jobId, step: segmentForStep(next.id) }} replace />
  );
}
