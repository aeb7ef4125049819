export * from './checklist';
export * from './events';
export * from './fold';
export * from './mutations';
export * from './snapshot';
export * from './state';
export * from './sync-status';
export * from './views';
