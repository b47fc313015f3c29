import { describe, expect, it } from 'vitest';
import { assertBindingAllowed, isLoopbackHost } from '../../../../src/main/api/security';
import { ConfigError } from '../../../../src/main/config/env';

describe('binding', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a non-loopback host without a token, naming API_TOKEN', () => {
    expect(() => assertBindingAllowed('127.0.0.1', undefined)).not.toThrow();
    expect(() => assertBindingAllowed('0.0.0.0', 'token')).not.toThrow();
    expect(() => assertBindingAllowed('0.0.0.0', undefined)).toThrow(ConfigError);
    expect(() => assertBindingAllowed('0.0.0.0', undefined)).toThrow(/API_TOKEN/);
  });
});
