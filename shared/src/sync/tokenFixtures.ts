// Test fixtures shared by the token tests: a fixed clock, new signing keys, a workspace and its claims.
import { exportJWK } from 'jose';
import { publicPart, type SigningKey } from './tokens';
import { workspaceIdOfJwk } from './keys';

export const NOW = Date.parse('2026-11-24T10:00:00Z');

export async function newKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: publicPart(await exportJWK(pair.publicKey)) };
}

export async function workspace() {
  const root = await newKey();
  return { root, ws: await workspaceIdOfJwk(root.publicJwk) };
}

export const claims = (ws: string) => ({
  ws,
  sub: 'member-0001',
  role: 'member' as const,
  dev: 'device-0001',
  jti: 'token-00001',
});
