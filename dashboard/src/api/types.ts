/**
 * The JSON the dashboard reads (API.md and the api's endpoints). Only the
 * fields the views use are named; the server may send more.
 */

export interface InternalKpi {
  readonly availability: number;
  readonly p50LatencyMs?: number | null;
  readonly p95LatencyMs: number | null;
  readonly p99LatencyMs?: number | null;
  readonly sloTarget: number;
  readonly latencyThresholdMs?: number | null;
  readonly healthy: boolean;
  readonly events?: number;
}

export interface CustomerImpact {
  readonly active: number;
  readonly disrupted: number;
  readonly revenueDisrupted: number;
  readonly revenueActive?: number;
}

export interface TouchpointRow {
  readonly touchpoint: string;
  readonly name?: string | null;
  readonly owner?: string | null;
  readonly journeyOrder?: number | null;
  readonly journeyStage?: string | null;
  readonly internal: InternalKpi;
  readonly customers: CustomerImpact;
  readonly hiddenDisruption: boolean;
}

export interface HiddenDisruption {
  readonly touchpoint: string;
  readonly customersDisrupted: number;
  readonly revenueDisrupted: number;
}

export interface QuadrantTally {
  readonly customers: number;
  readonly revenue: number;
}

export interface QuadrantLines {
  readonly goodScore: number;
  readonly revenueThreshold: number;
}

export interface KnewFirst {
  readonly signals: number;
  readonly knownFirst: number;
  readonly rate: number | null;
  readonly meanLeadSeconds: number | null;
}

export interface Overview {
  readonly asOf: string;
  readonly customersActive: number;
  readonly customersDisrupted: number;
  readonly revenueDisrupted: number;
  readonly customersKnown?: number;
  readonly touchpoints: readonly TouchpointRow[];
  readonly hiddenDisruptions: readonly HiddenDisruption[];
  readonly quadrants?: Readonly<Record<string, QuadrantTally>>;
  readonly knewFirst?: KnewFirst;
  readonly quadrantLines?: QuadrantLines | null;
}

export type Quadrant = 'model' | 'growth' | 'at-risk' | 'dangling';
export const quadrants: readonly Quadrant[] = ['model', 'growth', 'at-risk', 'dangling'];

/** One row of GET /api/v1/customers. */
export interface CustomerSummary {
  readonly customerId: string;
  readonly name?: string | null;
  readonly accountManager?: string | null;
  readonly annualRevenue?: number | null;
  readonly potentialRevenue?: number | null;
  readonly segment?: string | null;
  readonly active?: boolean;
  readonly disrupted: boolean;
  readonly disruptedTouchpoints?: readonly string[];
  readonly degraded?: boolean;
  readonly experienceScore: number | null;
  readonly quadrant: Quadrant | null;
  readonly disruptedSince?: string | null;
}

export interface CustomerList {
  readonly items: readonly CustomerSummary[];
  readonly total: number;
}

export interface CustomerTouchpoint {
  readonly touchpoint: string;
  readonly events: number;
  readonly badRatio: number;
  readonly sli: number;
  readonly disrupted: boolean;
  readonly disruptedSince: string | null;
  readonly degraded: boolean;
  readonly baselineBadRatio: number | null;
  readonly medianLatencyMs?: number | null;
  readonly baselineMedianLatencyMs?: number | null;
  readonly shortWindowEvents?: number;
  readonly shortWindowBadRatio?: number;
  readonly threshold?: number;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: string;
  readonly touchpoint?: string | null;
  readonly detail?: string | null;
}

export interface FeedbackEvidence {
  readonly touchpoint: string;
  readonly disrupted?: boolean;
  readonly degraded?: boolean;
  readonly sli?: number | null;
}

export interface FeedbackItem {
  readonly id?: string;
  readonly kind: string;
  readonly score?: number | null;
  readonly comment?: string | null;
  readonly touchpoint?: string | null;
  readonly timestamp?: string;
  readonly channel?: string | null;
  readonly knownFirst?: boolean | null;
  readonly leadSeconds?: number | null;
  readonly evidence?: readonly FeedbackEvidence[];
}

export interface ScoreExplanation {
  readonly label: string;
  readonly touchpoint?: string | null;
  readonly points: number;
}

export interface CustomerProfile {
  readonly name?: string | null;
  readonly segment?: string | null;
  readonly region?: string | null;
  readonly vertical?: string | null;
  readonly plan?: string | null;
  readonly annualRevenue?: number | null;
  readonly potentialRevenue?: number | null;
  readonly accountManager?: string | null;
  readonly tags?: readonly string[] | null;
}

/** GET /api/v1/customers/{id} and the hub's customerChanged. */
export interface CustomerDocument {
  readonly customerId: string;
  readonly profile?: CustomerProfile | null;
  readonly experienceScore: number | null;
  readonly operationalScore?: number | null;
  readonly perceptionScore?: number | null;
  readonly quadrant: Quadrant | null;
  readonly touchpoints: readonly CustomerTouchpoint[];
  readonly feedback?: { readonly nps?: number | null; readonly csat?: number | null; readonly responses?: number } | null;
  readonly recentFeedback?: readonly FeedbackItem[];
  readonly explanation?: readonly ScoreExplanation[];
  readonly scoreHistory?: readonly { readonly at: string; readonly score: number }[];
  readonly timeline?: readonly TimelineEntry[];
  readonly disrupted?: boolean;
  readonly degraded?: boolean;
  readonly asOf?: string;
  readonly openAlerts?: readonly Alert[] | null;
}

export interface ScorecardRow {
  readonly touchpoint: string;
  readonly name?: string | null;
  readonly owner?: string | null;
  readonly journeyStage?: string | null;
  readonly journeyOrder?: number | null;
  readonly internal: InternalKpi;
  readonly external: {
    readonly activeCustomers: number;
    readonly disruptedCustomers: number;
    readonly shareNotDisrupted: number;
    readonly revenueWeightedShareNotDisrupted: number;
    readonly revenueDisrupted: number;
    readonly feedbackScore: number | null;
    readonly nps: number | null;
    readonly responses: number;
    readonly healthy: boolean;
  };
  readonly alignment: Alignment;
  readonly gap: {
    readonly availabilityMinusShareNotDisrupted: number;
    readonly sloTargetMinusShareNotDisrupted: number;
    readonly availabilityMinusRevenueShare: number;
  };
}

export type Alignment = 'celebrate' | 'blind-spot' | 'known-issue' | 'review-kpi';

export interface Scorecard {
  readonly asOf: string;
  readonly touchpoints: readonly ScorecardRow[];
}

export type AlertState = 'open' | 'acknowledged' | 'resolved';
export const alertStates: readonly AlertState[] = ['open', 'acknowledged', 'resolved'];
export type AlertSeverity = 'critical' | 'warning' | 'info';

export interface AlertHistoryEntry {
  readonly at: string;
  readonly action: string;
  readonly by?: string | null;
  readonly note?: string | null;
}

export interface Alert {
  readonly id: string;
  readonly customerId: string;
  readonly reason: string;
  readonly severity: AlertSeverity;
  readonly accountManager: string;
  readonly state: AlertState;
  readonly openedAt: string;
  readonly acknowledgedAt?: string | null;
  readonly resolvedAt?: string | null;
  readonly version?: number;
  readonly touchpoint?: string | null;
  readonly title?: string | null;
  readonly occurrences?: number;
  readonly lastSeenAt?: string | null;
  readonly cleared?: boolean;
  readonly escalated?: boolean;
  readonly escalatedAt?: string | null;
  readonly escalatedTo?: string | null;
  readonly silenced?: boolean;
  readonly evidence?: {
    readonly touchpoints?: readonly CustomerTouchpoint[];
    readonly feedback?: readonly FeedbackItem[];
    readonly annualRevenue?: number | null;
    readonly experienceScore?: number | null;
    readonly quadrant?: Quadrant | null;
    readonly link?: string;
  } | null;
  readonly history?: readonly AlertHistoryEntry[];
}

export interface AlertList {
  readonly items: readonly Alert[];
}
