export * from './allocation';
export * from './classification';
export * from './number-policy';
export * from './regions';
