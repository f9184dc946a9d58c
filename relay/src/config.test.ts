import { describe, expect, it } from 'vitest';
import { readConfig, configSchema, defaults, helpText, sharedStoreOf } from './config';

describe('relay config', () => {
  it('has defaults', () => {
    expect(readConfig({})).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data' });
  });
  it('reads the environment', () => {
    expect(readConfig({ PORT: '0', DATA_DIR: '/tmp/x' })).toMatchObject({ PORT: 0, DATA_DIR: '/tmp/x' });
  });
  it('reads which workspaces to serve: all, first or a list of workspace ids', () => {
    expect(readConfig({})).toMatchObject({ WORKSPACES: 'all', MAX_WORKSPACE_MB: 0 });
    expect(readConfig({ WORKSPACES: 'first' })).toMatchObject({ WORKSPACES: 'first' });
    const ids = `${'a'.repeat(52)},${'b'.repeat(52)}`;
    expect(readConfig({ WORKSPACES: ids })).toMatchObject({ WORKSPACES: ids });
    expect(() => readConfig({ WORKSPACES: 'premier' })).toThrow(/WORKSPACES/);
    expect(() => readConfig({ WORKSPACES: 'a,b' })).toThrow(/WORKSPACES/);
  });
  it('says which setting is wrong', () => {
    expect(() => readConfig({ PORT: 'huit' })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('makes the relay one of several only with both REDIS_URL and DATABASE_URL', () => {
    expect(sharedStoreOf(readConfig({}))).toBeNull();
    const both = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://maillage@127.0.0.1:5432/maillage' };
    expect(sharedStoreOf(readConfig(both))).toEqual({ redisUrl: both.REDIS_URL, databaseUrl: both.DATABASE_URL });
    expect(() => readConfig({ REDIS_URL: both.REDIS_URL })).toThrow(/DATABASE_URL: à donner avec REDIS_URL/);
    expect(() => readConfig({ DATABASE_URL: both.DATABASE_URL })).toThrow(/REDIS_URL: à donner avec DATABASE_URL/);
    expect(() => readConfig({ ...both, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(() => readConfig({ ...both, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('documents every setting in its help, with the default startRelay uses', () => {
    for (const name of Object.keys(configSchema.shape)) expect(helpText).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(helpText).toContain(`(défaut ${defaults.COMPACT_AFTER_UPDATES})`);
  });
});
