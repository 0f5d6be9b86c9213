/**
 * The JSON the dashboard reads, as the api's OpenAPI document describes it. `src/api/generated/openapi.ts` is
 * generated from `openapi/v1.json` (the api's /openapi/v1.json, kept beside the dashboard) by openapi-typescript on
 * every build and test run; a .NET test fails when the api's document and that copy drift apart. Nothing here
 * repeats a field: each wire type is a schema of the document, with two rules the document cannot say:
 * - a response carries every property (the api never omits one; what is absent is null): `Written<T>`;
 * - some strings take a fixed set of words (quadrants, alert states, ...): narrowed below, as API.md lists them.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** A schema as the api writes it: every property present, all the way down. */
export type Written<T> = T extends readonly (infer E)[]
  ? readonly Written<E>[]
  : T extends object
    ? { readonly [K in keyof T]-?: Written<T[K]> }
    : T;

/** Replaces the named properties of T (to narrow a string to its words). */
type With<T, N> = Omit<T, keyof N> & N;

export type Quadrant = 'model' | 'growth' | 'at-risk' | 'dangling';
export const quadrants: readonly Quadrant[] = ['model', 'growth', 'at-risk', 'dangling'];

export type AlertState = 'open' | 'acknowledged' | 'resolved';
export const alertStates: readonly AlertState[] = ['open', 'acknowledged', 'resolved'];
export type AlertSeverity = 'critical' | 'warning' | 'info';

export type Alignment = 'celebrate' | 'blind-spot' | 'known-issue' | 'review-kpi';

export type InternalKpi = Written<Schemas['InternalKpi']>;
export type CustomerImpact = Written<Schemas['CustomerImpact']>;
/** A touchpoint's line of the overview (the api's TouchpointOverview). */
export type TouchpointRow = Written<Schemas['TouchpointOverview']>;
export type HiddenDisruption = Written<Schemas['HiddenDisruption']>;
export type QuadrantTally = Written<Schemas['QuadrantTally']>;
export type QuadrantLines = Written<Schemas['QuadrantLines']>;
export type KnewFirst = Written<Schemas['KnewFirstView']>;
export type Overview = Written<Schemas['OverviewDocument']>;

export type CustomerSummary = With<Written<Schemas['CustomerSummary']>, { readonly quadrant: Quadrant | null }>;
export type CustomerList = With<Written<Schemas['CustomerList']>, { readonly items: readonly CustomerSummary[] }>;

/** One touchpoint as one customer lived it (the api's TouchpointRow). */
export type CustomerTouchpoint = Written<Schemas['TouchpointRow']>;
export type TimelineEntry = Written<Schemas['TimelineEntry']>;
export type FeedbackEvidence = Written<Schemas['FeedbackEvidence']>;
export type FeedbackItem = Written<Schemas['FeedbackItem']>;
export type ScoreExplanation = Written<Schemas['ScoreContributorView']>;
export type CustomerProfile = Written<Schemas['CustomerProfile']>;
export type AlertSummary = With<Written<Schemas['AlertSummary']>, { readonly state: AlertState; readonly severity: AlertSeverity }>;
export type CustomerDocument = With<Written<Schemas['CustomerDocument']>, {
  readonly quadrant: Quadrant | null;
  readonly openAlerts: readonly AlertSummary[];
}>;

export type ScorecardRow = With<Written<Schemas['ScorecardRow']>, { readonly alignment: Alignment }>;
export type Scorecard = With<Written<Schemas['Scorecard']>, { readonly touchpoints: readonly ScorecardRow[] }>;

export type AlertHistoryEntry = Written<Schemas['AlertHistoryEntry']>;
export type AlertEvidence = With<Written<Schemas['AlertEvidence']>, { readonly quadrant: Quadrant | null }>;
export type Alert = With<Written<Schemas['Alert']>, {
  readonly severity: AlertSeverity;
  readonly state: AlertState;
  readonly evidence: AlertEvidence;
}>;
export type AlertList = With<Written<Schemas['AlertList']>, { readonly items: readonly Alert[] }>;

/** The calling key (GET /api/v1/me): a key with account managers sees their book only. */
export type Caller = Written<Schemas['CallerInfo']>;
