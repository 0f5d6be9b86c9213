/**
 * Shape checks at the edge: JSON from fetch and the hub arrives as `unknown`
 * and becomes a typed value only after the fields the views rely on are seen.
 */
import type { Alert, AlertList, Caller, CustomerDocument, CustomerList, Overview, Scorecard } from './types';

type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasString(value: Fields, key: string): boolean {
  return typeof value[key] === 'string';
}

function hasArray(value: Fields, key: string): boolean {
  return Array.isArray(value[key]);
}

export function isOverview(value: unknown): value is Overview {
  return (
    isRecord(value) &&
    hasString(value, 'asOf') &&
    typeof value['customersActive'] === 'number' &&
    hasArray(value, 'touchpoints') &&
    (value['touchpoints'] as unknown[]).every((row) => isRecord(row) && hasString(row, 'touchpoint') && isRecord(row['internal']) && isRecord(row['customers']))
  );
}

export function isCustomerDocument(value: unknown): value is CustomerDocument {
  return isRecord(value) && hasString(value, 'customerId') && hasArray(value, 'touchpoints');
}

export function isCustomerList(value: unknown): value is CustomerList {
  return (
    isRecord(value) &&
    hasArray(value, 'items') &&
    (value['items'] as unknown[]).every((item) => isRecord(item) && hasString(item, 'customerId'))
  );
}

export function isScorecard(value: unknown): value is Scorecard {
  return (
    isRecord(value) &&
    hasArray(value, 'touchpoints') &&
    (value['touchpoints'] as unknown[]).every((row) => isRecord(row) && hasString(row, 'touchpoint') && hasString(row, 'alignment'))
  );
}

export function isAlert(value: unknown): value is Alert {
  return (
    isRecord(value) &&
    hasString(value, 'id') &&
    hasString(value, 'customerId') &&
    hasString(value, 'state') &&
    hasString(value, 'reason') &&
    hasString(value, 'openedAt')
  );
}

export function isAlertList(value: unknown): value is AlertList {
  return isRecord(value) && hasArray(value, 'items') && (value['items'] as unknown[]).every(isAlert);
}

export function isCaller(value: unknown): value is Caller {
  return (
    isRecord(value) &&
    hasString(value, 'name') &&
    hasArray(value, 'accountManagers') &&
    (value['accountManagers'] as unknown[]).every((m) => typeof m === 'string')
  );
}
