import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { StartJobButton } from './StartJobButton';

/** An occupier's row action: continue its unfinished job, or start one. */
export function OccupierJobAction({
  unfinishedJobId,
  ...occupier
}: {
  siteId: string;
  occupierId: string;
  occupierName: string;
  /** Undefined while the job list is still loading. */
  unfinishedJobId: string | null | undefined;
}) {
  if (!unfinishedJobId)
    return <StartJobButton {...occupier} disabled={unfinishedJobId === undefined} />;
  return (
    <Button
      size="xs"
      variant="outline"
      aria-label={`Continue the job for ${occupier.occupierName}`}
      renderRoot={(props) => (
        <Link to="/jobs/$jobId" params={{ jobId: unfinishedJobId }} {...props} />
      )}
    >
      Continue job
    </Button>
  );
}
