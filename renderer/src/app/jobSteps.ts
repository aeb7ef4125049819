import { CablingScreen } from '../features/cabling/CablingScreen';
import { PortRoleStep } from '../features/roles/PortRoleStep';
import type { JobStepScreens } from '../features/jobs/stepScreens';
import { HandsetLoginStep } from '../features/login/HandsetLoginStep';
import { NumbersStep } from '../features/numbers/NumbersStep';
import { RingTestStep } from '../features/ringtest/RingTestStep';
import { SignOffStep } from '../features/signoff/SignOffStep';

/**
 * The screen each checklist step shows under its title and state, by step id. A feature adds
 * its step by exporting a component taking JobStepScreenProps and naming it here; a step with
 * no screen yet shows its title and state only.
 */
export const jobStepScreens: JobStepScreens = {
  cabling: CablingScreen,
  portRole: PortRoleStep,
  numbers: NumbersStep,
  handsetLogin: HandsetLoginStep,
  ringTest: RingTestStep,
  signOff: SignOffStep,
};
