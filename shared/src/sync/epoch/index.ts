// Epochs of the documents that keep no history: rewrite, migration, and the relay's notice (docs/decisions/0027).
export * from './changes';
export * from './forward';
export * from './message';
export * from './rewrite';
export * from './tree';
