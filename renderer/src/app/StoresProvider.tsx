import type { ReactNode } from 'react';
import { jobListContext } from '../features/jobs/jobListStore';
import { openJobContext } from '../features/jobs/openJobStore';
import { settingsContext } from '../features/settings/settingsStore';
import { siteDetailContext } from '../features/sites/siteDetailStore';
import { siteListContext } from '../features/sites/siteListStore';
import { connectivityContext } from '../features/sync/connectivityStore';
import { syncProgressContext } from '../features/sync/syncProgressStore';
import { consoleContext } from '../features/console/consoleStore';
import { switchContext } from '../features/switch/switchStore';
import { bundleContext } from '../features/bundles/bundleStore';
import { appInfoContext } from './appInfoStore';
import type { RendererStores } from './stores';

/** Hands each feature its store; a feature adding a store adds its provider here. */
export function StoresProvider({
  stores,
  children,
}: {
  stores: RendererStores;
  children: ReactNode;
}) {
  return (
    <appInfoContext.Provider value={stores.appInfo}>
      <siteListContext.Provider value={stores.siteList}>
        <siteDetailContext.Provider value={stores.siteDetail}>
          <jobListContext.Provider value={stores.jobList}>
            <openJobContext.Provider value={stores.openJob}>
              <connectivityContext.Provider value={stores.connectivity}>
                <syncProgressContext.Provider value={stores.syncProgress}>
                  <settingsContext.Provider value={stores.settings}>
                    <switchContext.Provider value={stores.switches}>
                      <consoleContext.Provider value={stores.console}>
                        <bundleContext.Provider value={stores.bundles}>
                          {children}
                        </bundleContext.Provider>
                      </consoleContext.Provider>
                    </switchContext.Provider>
                  </settingsContext.Provider>
                </syncProgressContext.Provider>
              </connectivityContext.Provider>
            </openJobContext.Provider>
          </jobListContext.Provider>
        </siteDetailContext.Provider>
      </siteListContext.Provider>
    </appInfoContext.Provider>
  );
}
