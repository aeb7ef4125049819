import { CodedError } from '../../shared/errors';
import type { installationDomain } from '../../shared/ipc';
import type { InstallationService, ReportPdfSaver } from '../installation';
import type { OpenedJob } from '../jobs';
import { jobViewOf, type JobBridgeDeps } from './job-handlers';
import type { DomainHandlers } from './router';

/** The demo's simulated handsets: a person typing on one's keypad (null: not the demo). */
export type DemoKeypad = (handsetId: string, extension: string, pin: string) => Promise<void>;

/** "Check now" of one login's registration (the platform watch's). */
export type RegistrationCheck = (jobId: string, e164: string, actionId: string) => Promise<void>;

/** The installation:* channels: the guided job's actions, each answered with the job's view. */
export function createInstallationChannelHandlers(
  deps: JobBridgeDeps,
  installation: InstallationService,
  reportPdf: ReportPdfSaver,
  demoKeypad: () => DemoKeypad | null,
  checkRegistration: RegistrationCheck,
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
    'installation:checkRegistration': async ({ jobId, actionId, e164 }) => {
      await checkRegistration(jobId, e164, actionId);
      return view(await deps.jobs.open(jobId));
    },
    'installation:keypadDone': async ({ jobId, ...r }) =>
      view(await installation.keypadDone(jobId, r)),
    'installation:demoKeypadLogin': async ({ jobId, e164 }) => {
      const keypad = demoKeypad();
      if (!keypad)
        throw new CodedError(
          'DEMO_ONLY',
          'Typing on a handset from the screen works only in the demo: use the real handset.',
        );
      const { handsetId, extension, pin } = await installation.keypadEntry(jobId, e164);
      await keypad(handsetId, extension, pin);
      return {};
    },
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
