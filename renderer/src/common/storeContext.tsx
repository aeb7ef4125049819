import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';

/**
 * A React context for one feature's store, so screens read a store made from the injected
 * bridge (main.tsx, or a test's fake) instead of a module-level singleton.
 */
export function createStoreContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null);
  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (!store) throw new Error(`The ${name} store is not provided (see app/StoresProvider.tsx).`);
    return store;
  }
  function useFeatureStore<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }
  return { Provider: Context.Provider, useStore: useFeatureStore, useStoreApi };
}
