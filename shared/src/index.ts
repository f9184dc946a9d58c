// @maillage/shared: the contracts the client and the relay both obey. Named exports only.
export * from './sync/rooms';
export * from './sync/closeCodes';
export * from './sync/version';
export * from './sync/ids';
export * from './domain/professions';
export * from './docs/meta';
export * from './docs/validation';
export * from './docs/catalogue/schema';
export * from './docs/catalogue/layout';
export * from './docs/protocol/schema';
export * from './docs/protocol/layout';
export * from './docs/protocol/migrate';
export * from './sync/keys';
export * from './sync/tokens';
export * from './sync/requests';
export * from './sync/acl';
