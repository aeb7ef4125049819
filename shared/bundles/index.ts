export * from './manifest';
export * from './members';
export * from './migrate';
export * from './errors';
export * from './replay';
export * from './snapshot-facts';
export * from './timeline';
