import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('takes any local@domain administrator address, the default one included', () => {
    expect(loadConfig({}).adminEmail).toBe('admin@localhost');
    expect(loadConfig({ ADMIN_EMAIL: 'admin@localhost' }).adminEmail).toBe('admin@localhost');
    expect(loadConfig({ ADMIN_EMAIL: 'Ops@Intranet' }).adminEmail).toBe('ops@intranet');
  });

  it('stops on every bad value at once, naming each', () => {
    let error: unknown;
    try {
      loadConfig({ ADMIN_EMAIL: 'not an address', PORT: 'eighty' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/ADMIN_EMAIL: must be an e-mail address/);
    expect((error as Error).message).toMatch(/PORT:/);
  });
});
