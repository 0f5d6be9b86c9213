/** The part of Web Storage this module needs; sessionStorage satisfies it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const apiKeyStorageKey = 'cxlive.apiKey';

/**
 * Keeps the optional API key for this browser tab. Storage that refuses to
 * work (disabled, full, private mode) falls back to memory for the tab's life.
 */
export class ApiKeyStore {
  private memory: string | undefined;

  constructor(private readonly storage: KeyValueStorage | undefined) {}

  get(): string | undefined {
    if (this.storage !== undefined) {
      try {
        return normalizeApiKey(this.storage.getItem(apiKeyStorageKey));
      } catch {
        // fall through to memory
      }
    }
    return this.memory;
  }

  /** Stores the key, trimmed; a blank key clears it. Returns what is now stored. */
  set(value: string): string | undefined {
    const key = normalizeApiKey(value);
    if (key === undefined) {
      this.clear();
      return undefined;
    }
    this.memory = key;
    try {
      this.storage?.setItem(apiKeyStorageKey, key);
    } catch {
      // memory keeps it
    }
    return key;
  }

  clear(): void {
    this.memory = undefined;
    try {
      this.storage?.removeItem(apiKeyStorageKey);
    } catch {
      // nothing stored then
    }
  }
}

export function normalizeApiKey(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** Request headers that carry the key; none when the dashboard runs keyless. */
export function authorizationHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` };
}

/** sessionStorage if this page may use it, else undefined (never throws). */
export function sessionStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
