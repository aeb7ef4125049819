import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSettings } from './settingsStore';
import { DIALOG_ATTRIBUTES } from '../../common/dialog';

const TOKEN_NOTE = {
  encrypted: 'The token is saved encrypted by your operating system.',
  memory: 'This computer offers no secure storage, so the token is kept for this run only.',
  missing: 'The saved token is gone: enter it again.',
} as const;

export function SettingsDialog({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  /** The platform changed: whatever shows platform data reloads it. */
  onSaved: () => void;
}) {
  const target = useSettings((s) => s.target);
  const saving = useSettings((s) => s.saving);
  const error = useSettings((s) => s.error);
  const confirmation = useSettings((s) => s.confirmation);
  const load = useSettings((s) => s.load);
  const connectToPlatform = useSettings((s) => s.connectToPlatform);
  const switchToDemo = useSettings((s) => s.switchToDemo);
  const clearMessages = useSettings((s) => s.clearMessages);
  const [choice, setChoice] = useState<'demo' | 'platform'>('demo');
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');

  useEffect(() => {
    if (!opened) return;
    clearMessages();
    void load().then((current) => {
      if (!current) return;
      setChoice(current.kind);
      if (current.kind === 'platform') setBaseUrl(current.baseUrl);
    });
  }, [opened, load, clearMessages]);

  async function save() {
    const saved =
      choice === 'demo' ? await switchToDemo() : await connectToPlatform(baseUrl, token);
    if (!saved) return;
    setToken('');
    onSaved();
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Platform settings"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close settings' }}
      attributes={DIALOG_ATTRIBUTES}
    >
      <Stack>
        <Radio.Group
          label="Which platform should Dialtone talk to?"
          value={choice}
          onChange={(value) => setChoice(value as 'demo' | 'platform')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="demo" label="The built-in demo platform (simulated, no account needed)" />
            <Radio value="platform" label="A real platform (API address and token)" />
          </Stack>
        </Radio.Group>
        {choice === 'platform' && (
          <>
            <TextInput
              label="API address"
              placeholder="https://api.platform.example"
              value={baseUrl}
              onChange={(event) => setBaseUrl(event.currentTarget.value)}
            />
            <PasswordInput
              label="API token"
              description={
                target?.kind === 'platform' && target.baseUrl === baseUrl
                  ? `${TOKEN_NOTE[target.token]} To change anything, paste the token again.`
                  : 'Dialtone checks it with a test call before saving; it never leaves this computer otherwise.'
              }
              value={token}
              onChange={(event) => setToken(event.currentTarget.value)}
            />
          </>
        )}
        {error && (
          <Alert color="red" title="Not saved" role="alert">
            {error}
          </Alert>
        )}
        {confirmation && (
          <Alert color="teal" role="status">
            {confirmation}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {choice === 'platform' ? 'Saving makes a test call to the platform first.' : ''}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button loading={saving} onClick={() => void save()}>
              {choice === 'platform' ? 'Check and save' : 'Use the demo'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
