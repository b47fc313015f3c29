import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../../src/main/cache/memory';
import type { ReadCache } from '../../../../src/main/cache/types';

const get = async (cache: ReadCache, key: string) => (await cache.lookup(key)).value;
const put = async (cache: ReadCache, key: string, value: string, ttlMs: number) =>
  cache.store(key, value, (await cache.lookup(key)).version, ttlMs);

describe('in-process read cache', () => {
  it('expires entries after their TTL', async () => {
    let now = 1_000;
    const cache = createMemoryCache({ now: () => now });
    await put(cache, 'a', '1', 100);
    expect(await get(cache, 'a')).toBe('1');
    now += 100;
    expect(await get(cache, 'a')).toBe('1');
    now += 1;
    expect(await get(cache, 'a')).toBeUndefined();
  });

  it('drops the least recently used entries past its byte budget', async () => {
    const cache = createMemoryCache({ maxBytes: 10 });
    await put(cache, 'a', 'aaaa', 1_000);
    await put(cache, 'b', 'bbbb', 1_000);
    expect(await get(cache, 'a')).toBe('aaaa');
    await put(cache, 'c', 'cccc', 1_000);
    expect(await get(cache, 'b')).toBeUndefined();
    expect(await get(cache, 'a')).toBe('aaaa');
    expect(await get(cache, 'c')).toBe('cccc');
    await put(cache, 'huge', 'x'.repeat(11), 1_000);
    expect(await get(cache, 'huge')).toBeUndefined();
  });

  it('invalidates everything at once and keeps the bookmarks of the latest writes', async () => {
    const cache = createMemoryCache();
    await put(cache, 'a', '1', 1_000);
    await cache.invalidate(['b1']);
    expect(await get(cache, 'a')).toBeUndefined();
    await cache.invalidate(['b2']);
    expect((await cache.lookup('a')).recent).toEqual(['b2', 'b1']);
  });

  it('does not store a value read before a write that moved the version on', async () => {
    const cache = createMemoryCache();
    const { version } = await cache.lookup('a');
    await cache.invalidate();
    await cache.store('a', 'stale', version, 1_000);
    expect(await get(cache, 'a')).toBeUndefined();
  });
});
