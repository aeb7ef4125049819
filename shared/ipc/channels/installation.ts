import { z } from 'zod';
import { RingConfirmation } from '../../jobs/installation-events';
import { JobView } from '../../jobs/views';
import { ExceptionReason } from '../../platform/installation';
import { defineDomain } from '../domain';
import { ActionId, JobId } from './jobs';

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123');
const act = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ jobId: JobId, actionId: ActionId, ...shape }).strict();

/** The guided job's actions: numbers fixes, handset login, ring test, exceptions, sign-off, report. */
export const installationDomain = defineDomain('installation', {
  channels: {
    /** Add the occupier's voice service with this quantity (queued; the first add runs the automation). */
    'installation:addVoiceService': {
      request: act({ quantity: z.number().int().min(1).max(1_000) }),
      response: JobView,
    },
    /** Queue the fix of a number-check finding (main re-runs the check and uses its fix). */
    'installation:fixFinding': {
      request: act({ findingId: z.string().min(1).max(200) }),
      response: JobView,
    },
    /** Choose the handset for a service number: a handset id, or a MAC in any notation. */
    'installation:assignHandset': {
      request: act({ e164: E164, handset: z.string().min(1).max(100) }),
      response: JobView,
    },
    /** Remote-login models: ask the platform to log the number in. */
    'installation:logIn': { request: act({ e164: E164 }), response: JobView },
    /**
     * "Check now": main reads the login's registration from the platform this moment (also
     * after the wait ran out) and journals what it says. PLATFORM_UNREACHABLE while offline.
     */
    'installation:checkRegistration': { request: act({ e164: E164 }), response: JobView },
    /** Keypad models: the engineer typed the steps on the handset. */
    'installation:keypadDone': { request: act({ e164: E164 }), response: JobView },
    /**
     * Demo only: the simulated person types this number's keypad steps (extension, PIN) on the
     * simulated handset chosen for it, as they would on a real one.
     */
    'installation:demoKeypadLogin': {
      request: z.object({ jobId: JobId, e164: E164 }).strict(),
      response: z.object({}).strict(),
    },
    /** The ring test: the platform places a test call to the number. */
    'installation:ringIt': { request: act({ e164: E164 }), response: JobView },
    'installation:confirmRing': {
      request: act({
        attemptId: z.string().min(1).max(200),
        rang: RingConfirmation,
        rangFloorPortId: z.string().min(1).max(100).nullable(),
      }),
      response: JobView,
    },
    'installation:recordException': {
      request: act({
        itemId: z.string().min(1).max(200),
        reason: ExceptionReason,
        text: z.string().max(2000),
      }),
      response: JobView,
    },
    'installation:withdrawException': {
      request: act({ itemId: z.string().min(1).max(200) }),
      response: JobView,
    },
    'installation:signOff': {
      request: act({
        signerName: z.string().trim().min(1, 'who signs, by name').max(200),
        signerRole: z.string().trim().min(1, 'their role').max(200),
      }),
      response: JobView,
    },
    /**
     * The report on screen, printed to PDF by the host into the job's folder (Electron's
     * printToPDF). The browser host answers REPORT_PDF_UNAVAILABLE: its print dialog saves the PDF.
     */
    'installation:saveReportPdf': {
      request: act({}),
      response: z.object({ view: JobView, path: z.string() }),
    },
    'installation:reportProduced': {
      request: act({ format: z.enum(['html', 'pdf']) }),
      response: JobView,
    },
  },
  events: {},
});
