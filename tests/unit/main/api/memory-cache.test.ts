import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../../src/main/cache/memory';

describe('in-process read cache', () => {
  it('expires entries after their TTL', async () => {
    let now = 1_000;
    const cache = createMemoryCache({ now: () => now });
    await cache.set('a', '1', 100);
    expect(await cache.get('a')).toBe('1');
    now += 100;
    expect(await cache.get('a')).toBe('1');
    now += 1;
    expect(await cache.get('a')).toBeUndefined();
  });

  it('drops the least recently used entries past its byte budget', async () => {
    const cache = createMemoryCache({ maxBytes: 10 });
    await cache.set('a', 'aaaa', 1_000);
    await cache.set('b', 'bbbb', 1_000);
    expect(await cache.get('a')).toBe('aaaa');
    await cache.set('c', 'cccc', 1_000);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('aaaa');
    expect(await cache.get('c')).toBe('cccc');
    await cache.set('huge', 'x'.repeat(11), 1_000);
    expect(await cache.get('huge')).toBeUndefined();
  });

  it('invalidates everything at once', async () => {
    const cache = createMemoryCache();
    await cache.set('a', '1', 1_000);
    await cache.invalidate();
    expect(await cache.get('a')).toBeUndefined();
  });
});
