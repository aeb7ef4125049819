/** A prompt-driven conversation with a switch: login, commands, configuration blocks, events, transcript. */
export { openSession } from './open-session';
export type { OpenSessionOptions } from './open-session';
export { SwitchSession, DEFAULT_TIMEOUTS, isConfigLevel } from './switch-session';
export type { CommandResult, ConfigureResult, SessionTimeouts } from './switch-session';
export { findEcho } from './find-echo';
export type { SwitchLogin } from './log-in';
export { ConfigurationInterrupted, SwitchCommandError } from './session-errors';
export type { CommandErrorDetail, ConfigurationProgress, SuspectAnswer } from './session-errors';
export { Transcript } from './transcript';
export type { TranscriptEntry } from './transcript';
export { parseLogLine } from './log-events';
export type { SwitchLogEvent } from './log-events';
export { TerminalScreen } from './terminal-screen';
export { DIALECTS } from './vendor-dialect';
export type { PromptLevel, VendorDialect, CommandErrorKind } from './vendor-dialect';
export { checkCommandLine, COMMAND_LINE_LIMIT } from './command-text';
