import { describe, expect, it } from 'vitest';
import { ApiKeyStore, type KeyValueStorage, apiKeyStorageKey, authorizationHeaders, normalizeApiKey } from '../src/apiKey';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

class BrokenStorage implements KeyValueStorage {
  getItem(): string | null {
    throw new Error('SecurityError');
  }
  setItem(): void {
    throw new Error('QuotaExceededError');
  }
  removeItem(): void {
    throw new Error('SecurityError');
  }
}

describe('ApiKeyStore', () => {
  it('keeps a trimmed key in storage under one name', () => {
    const storage = new MemoryStorage();
    const store = new ApiKeyStore(storage);
    expect(store.set('  cx_read_123 \n')).toBe('cx_read_123');
    expect(storage.items.get(apiKeyStorageKey)).toBe('cx_read_123');
    expect(new ApiKeyStore(storage).get()).toBe('cx_read_123');
  });

  it('treats a blank key as no key and removes the old one', () => {
    const storage = new MemoryStorage();
    const store = new ApiKeyStore(storage);
    store.set('old');
    expect(store.set('   ')).toBeUndefined();
    expect(store.get()).toBeUndefined();
    expect(storage.items.has(apiKeyStorageKey)).toBe(false);
  });

  it('forgets the key on clear', () => {
    const store = new ApiKeyStore(new MemoryStorage());
    store.set('k');
    store.clear();
    expect(store.get()).toBeUndefined();
  });

  it('falls back to memory when storage throws', () => {
    const store = new ApiKeyStore(new BrokenStorage());
    expect(store.set('k1')).toBe('k1');
    expect(store.get()).toBe('k1');
    store.clear();
    expect(store.get()).toBeUndefined();
  });

  it('works with no storage at all', () => {
    const store = new ApiKeyStore(undefined);
    expect(store.get()).toBeUndefined();
    store.set('k2');
    expect(store.get()).toBe('k2');
  });
});

describe('authorizationHeaders', () => {
  it('sends the key as a bearer token', () => {
    expect(authorizationHeaders('abc')).toEqual({ Authorization: 'Bearer abc' });
  });

  it('sends nothing when keyless', () => {
    expect(authorizationHeaders(undefined)).toEqual({});
  });
});

describe('normalizeApiKey', () => {
  it.each([
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['\t ', undefined],
    [' a b ', 'a b'],
  ])('%j becomes %j', (input, expected) => {
    expect(normalizeApiKey(input)).toBe(expected);
  });
});
