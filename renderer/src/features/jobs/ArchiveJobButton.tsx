import { Button, Group, List, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { JobSyncStatus } from '../../../../shared/jobs';
import { count } from '../../../../shared/wording';
import { jobActionKey, useOpenJob } from './openJobStore';
import { DIALOG_ATTRIBUTES } from '../../common/dialog';

/** "Archive job" asks first, and says what archiving does before anything is recorded. */
export function ArchiveJobButton({ sync }: { sync: JobSyncStatus | null }) {
  const archive = useOpenJob((state) => state.archive);
  const archiving = useOpenJob((state) => state.pending[jobActionKey.archive] === true);
  const [asking, setAsking] = useState(false);
  const waiting = sync ? sync.queued + sync.blocked : 0;
  return (
    <>
      <Button variant="light" color="gray" loading={archiving} onClick={() => setAsking(true)}>
        Archive job
      </Button>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title="Archive this job?"
        closeButtonProps={{ 'aria-label': 'Close' }}
        attributes={DIALOG_ATTRIBUTES}
        centered
      >
        <Text mb="xs">Archiving closes the job for good:</Text>
        <List spacing={4} mb="md">
          <List.Item>
            it becomes read-only: no step can be changed, and nothing new is queued;
          </List.Item>
          <List.Item>
            it stays in the job list, marked archived, with its journal on this laptop;
          </List.Item>
          <List.Item>its report and support bundle can still be opened and exported;</List.Item>
          <List.Item>
            {waiting === 0
              ? 'nothing is waiting to sync.'
              : `${count(waiting, 'change still waits', 'changes still wait')} to sync: ${waiting === 1 ? 'it is' : 'they are'} still sent to the platform when it answers.`}
          </List.Item>
        </List>
        <Text mb="md">To change anything later, start a new job for this occupier.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>
            Keep the job open
          </Button>
          <Button
            color="red"
            loading={archiving}
            onClick={() => {
              setAsking(false);
              void archive();
            }}
          >
            Archive the job
          </Button>
        </Group>
      </Modal>
    </>
  );
}
