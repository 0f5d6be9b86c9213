import { describe, expect, it } from 'vitest';
import { type FetchLike, createApiClient, problemMessage } from '../src/api/client';
import { isAlertList, isCustomerDocument, isOverview } from '../src/api/guards';
import { alert, customerDocument, overview, touchpoint } from './fixtures';

function answering(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): FetchLike {
  return (url, init) => {
    seen.url = url;
    seen.init = init;
    return Promise.resolve({ status, json: () => (body === undefined ? Promise.reject(new Error('no body')) : Promise.resolve(body)) });
  };
}

describe('api client', () => {
  it('returns checked data and sends the key', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient(answering(200, overview('2026-11-26T14:00:00Z', [touchpoint('login')]), seen), () => ({ Authorization: 'Bearer k' }));
    const result = await api.get('/api/v1/overview', isOverview);
    expect(result.ok && result.data.touchpoints[0]?.touchpoint).toBe('login');
    expect((seen.init?.headers as Record<string, string>)['Authorization']).toBe('Bearer k');
  });

  it('reports a 404 as such, so the inbox can say alerts are not there yet', async () => {
    const api = createApiClient(answering(404, undefined), () => ({}));
    const result = await api.get('/api/v1/alerts', isAlertList);
    expect(result).toEqual({ ok: false, status: 404, message: 'not found (HTTP 404)' });
  });

  it('refuses an answer of the wrong shape', async () => {
    const api = createApiClient(answering(200, { items: [{ id: 1 }] }), () => ({}));
    const result = await api.get('/api/v1/alerts', isAlertList);
    expect(result.ok).toBe(false);
  });

  it('posts JSON and reads ProblemDetails on failure', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient(answering(409, { title: 'Conflict', detail: 'already resolved' }, seen), () => ({}));
    const result = await api.post('/api/v1/alerts/a1/ack', { note: 'on it' }, isAlertList);
    expect(result).toEqual({ ok: false, status: 409, message: 'Conflict: already resolved' });
    expect(seen.init?.method).toBe('POST');
    expect(seen.init?.body).toBe('{"note":"on it"}');
  });

  it('says when nothing answered', async () => {
    const api = createApiClient(() => Promise.reject(new TypeError('network')), () => ({}));
    expect(await api.get('/api/v1/overview', isOverview)).toEqual({ ok: false, status: 0, message: 'no answer from the server' });
  });

  it('words common statuses without a body', () => {
    expect(problemMessage(401, undefined)).toContain('API key');
    expect(problemMessage(500, 'oops')).toBe('HTTP 500');
  });
});

describe('guards', () => {
  it('accept the documents the api sends and reject others', () => {
    expect(isCustomerDocument(customerDocument('acme', '2026-11-26T14:00:00Z'))).toBe(true);
    expect(isCustomerDocument({ customerId: 'acme' })).toBe(false);
    expect(isOverview({ asOf: 'x', customersActive: 1, touchpoints: [{ touchpoint: 'a' }] })).toBe(false);
    expect(isAlertList({ items: [alert('a1')] })).toBe(true);
    expect(isAlertList(null)).toBe(false);
  });
});
