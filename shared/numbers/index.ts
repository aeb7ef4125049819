export * from './allocation';
export * from './check';
export * from './classification';
export * from './describe-fix';
export * from './findings';
export * from './number-policy';
export * from './regions';
