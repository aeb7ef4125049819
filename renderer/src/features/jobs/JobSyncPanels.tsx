import type { JobView } from '../../../../shared/jobs';
import { ConflictsPanel } from '../sync/ConflictsPanel';
import { NeedsAttentionPanel } from '../sync/NeedsAttentionPanel';
import { QueuedChangesPanel } from '../sync/QueuedChangesPanel';
import { SyncBar } from '../sync/SyncBar';
import { jobActionKey, useOpenJob } from './openJobStore';

/** The open job's sync bar, conflicts and refused changes, acting through the open job's store. */
export function JobSyncPanels({ view }: { view: JobView }) {
  const pending = useOpenJob((state) => state.pending);
  const syncNow = useOpenJob((state) => state.syncNow);
  const resolveConflict = useOpenJob((state) => state.resolveConflict);
  const retryEntry = useOpenJob((state) => state.retryEntry);
  const discardEntry = useOpenJob((state) => state.discardEntry);
  const entryPending = (entryId: string) => pending[jobActionKey.outboxEntry(entryId)] === true;
  return (
    <>
      <SyncBar
        summary={view.summary}
        syncing={pending[jobActionKey.syncNow] === true}
        onSyncNow={() => void syncNow()}
      />
      <QueuedChangesPanel state={view.state} />
      <ConflictsPanel
        state={view.state}
        isPending={entryPending}
        onResolve={(entryId, choice) => void resolveConflict(entryId, choice)}
      />
      <NeedsAttentionPanel
        state={view.state}
        isPending={entryPending}
        onRetry={(entryId) => void retryEntry(entryId)}
        onDiscard={(entryId) => void discardEntry(entryId)}
      />
    </>
  );
}
