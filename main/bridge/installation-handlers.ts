import type { installationDomain } from '../../shared/ipc';
import type { InstallationService, ReportPdfSaver } from '../installation';
import type { OpenedJob } from '../jobs';
import { jobViewOf, type JobBridgeDeps } from './job-handlers';
import type { DomainHandlers } from './router';

/** The installation:* channels: the guided job's actions, each answered with the job's view. */
export function createInstallationChannelHandlers(
  deps: JobBridgeDeps,
  installation: InstallationService,
  reportPdf: ReportPdfSaver,
): DomainHandlers<typeof installationDomain> {
  const view = (opened: OpenedJob) => jobViewOf(deps, opened);
  return {
    'installation:addVoiceService': async ({ jobId, ...r }) =>
      view(await installation.addVoiceService(jobId, r)),
    'installation:fixFinding': async ({ jobId, ...r }) =>
      view(await installation.fixFinding(jobId, r)),
    'installation:assignHandset': async ({ jobId, ...r }) =>
      view(await installation.assignHandset(jobId, r)),
    'installation:logIn': async ({ jobId, ...r }) => view(await installation.logIn(jobId, r)),
    'installation:keypadDone': async ({ jobId, ...r }) =>
      view(await installation.keypadDone(jobId, r)),
    'installation:ringIt': async ({ jobId, ...r }) => view(await installation.ringIt(jobId, r)),
    'installation:confirmRing': async ({ jobId, ...r }) =>
      view(await installation.confirmRing(jobId, r)),
    'installation:recordException': async ({ jobId, ...r }) =>
      view(await installation.recordException(jobId, r)),
    'installation:withdrawException': async ({ jobId, ...r }) =>
      view(await installation.withdrawException(jobId, r)),
    'installation:signOff': async ({ jobId, ...r }) => view(await installation.signOff(jobId, r)),
    'installation:saveReportPdf': async ({ jobId, actionId }) => {
      const { opened, path } = await reportPdf.save(jobId, actionId);
      return { view: view(opened), path };
    },
    'installation:reportProduced': async ({ jobId, ...r }) =>
      view(await installation.reportProduced(jobId, r)),
  };
}
