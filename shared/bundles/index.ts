export * from './manifest';
export * from './members';
export * from './migrate';
export * from './errors';
export * from './replay';
