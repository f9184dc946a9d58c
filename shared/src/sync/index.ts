// @maillage/shared/sync: rooms, tokens, access lists and the wire contract. The relay imports only this.
export * from './acl';
export * from './base64';
export * from './closeCodes';
export * from './coordinatorKey';
export * from './history';
export * from './ids';
export * from './invitationCard';
export * from './journal';
export * from './keys';
export * from './requests';
export * from './restrictedIds';
export * from './roles';
export * from './rooms';
export * from './subprotocol';
export * from './tokenLifetimes';
export * from './tokens';
export * from './version';
