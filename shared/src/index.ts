// @maillage/shared: the contracts the client and the relay both obey. Named exports only.
// The relay imports `@maillage/shared/sync` alone (an ESLint rule keeps it so); the client may import everything.
export * from './sync/index';
export * from './domain/index';
export * from './docs/index';
