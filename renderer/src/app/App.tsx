import { RouterProvider } from '@tanstack/react-router';
import type { AppRouter } from './router';
import type { RendererStores } from './stores';
import { StoresProvider } from './StoresProvider';

/** The whole renderer, on the stores and router it is given (main.tsx's, or a test's). */
export function App({ stores, router }: { stores: RendererStores; router: AppRouter }) {
  return (
    <StoresProvider stores={stores}>
      <RouterProvider router={router} />
    </StoresProvider>
  );
}
