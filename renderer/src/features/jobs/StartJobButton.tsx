import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { createJobKey, useJobList } from './jobListStore';
import { openJobContext } from './openJobStore';

/** Starts a job for an occupier and goes to it (Back returns to the site). */
export function StartJobButton({
  siteId,
  occupierId,
  occupierName,
  disabled = false,
}: {
  siteId: string;
  occupierId: string;
  occupierName: string;
  /** While it is not yet known whether the occupier has an unfinished job. */
  disabled?: boolean;
}) {
  const create = useJobList((state) => state.create);
  const starting = useJobList((state) => state.pending[createJobKey(siteId, occupierId)] === true);
  const openJob = openJobContext.useStoreApi();
  const navigate = useNavigate();

  async function start() {
    const view = await create(siteId, occupierId);
    if (!view) return;
    openJob.getState().show(view);
    await navigate({ to: '/jobs/$jobId', params: { jobId: view.summary.jobId } });
  }

  return (
    <Button
      size="xs"
      loading={starting}
      disabled={disabled}
      aria-label={`Start a job for ${occupierName}`}
      onClick={() => void start()}
    >
      Start job
    </Button>
  );
}
