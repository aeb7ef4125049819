import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Loadable } from './loadable';
import { LoadFailure } from './LoadFailure';

/** The one way a screen shows data it waits for: a named spinner, a failure with a retry, or the data. */
export function LoadableView<T>({
  value,
  loadingLabel,
  failedTitle,
  onRetry,
  children,
}: {
  value: Loadable<T>;
  /** Names the spinner for screen readers and tests, e.g. "Loading sites". */
  loadingLabel: string;
  failedTitle: string;
  onRetry: () => void;
  children: (value: T) => ReactNode;
}) {
  if (value.status === 'ready') return <>{children(value.value)}</>;
  if (value.status === 'failed')
    return <LoadFailure title={failedTitle} message={value.message} onRetry={onRetry} />;
  return (
    <Center py="xl">
      <Loader aria-label={loadingLabel} />
    </Center>
  );
}
