import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('relay config', () => {
  it('has defaults', () => {
    expect(readConfig({})).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data' });
  });
  it('reads the environment', () => {
    expect(readConfig({ PORT: '0', DATA_DIR: '/tmp/x' })).toMatchObject({ PORT: 0, DATA_DIR: '/tmp/x' });
  });
  it('says which setting is wrong', () => {
    expect(() => readConfig({ PORT: 'huit' })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
