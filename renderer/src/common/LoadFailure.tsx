import { Alert, Button } from '@mantine/core';

export function LoadFailure({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      <div>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </Alert>
  );
}
