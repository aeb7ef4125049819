import { describeConsoleScenario, openOverPty } from './test-support/console-scenario';

// One file per vendor so the two 9600-baud runs can go on in parallel workers.
describeConsoleScenario('Aruba AOS-S over a real PTY at 9600 baud', 'aruba_aoss', openOverPty);
