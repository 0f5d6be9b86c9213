/** The "latest changes" feed: newest first, capped, each item with a stable id for keyed rendering. */

export type FeedKind = 'disrupted' | 'recovered' | 'quadrant' | 'hidden' | 'hidden-cleared' | 'kpi-breach' | 'kpi-healthy' | 'alert';

export interface FeedItem {
  readonly id: string;
  /** When it happened (ms since the epoch). */
  readonly at: number;
  readonly kind: FeedKind;
  readonly text: string;
  readonly customerId?: string;
  readonly touchpoint?: string;
}

export type FeedDraft = Omit<FeedItem, 'id'>;

export class Feed {
  private items: FeedItem[] = [];
  private next = 0;
  version = 0;

  constructor(private readonly capacity = 40) {}

  add(drafts: readonly FeedDraft[]): void {
    if (drafts.length === 0) {
      return;
    }
    const fresh = drafts.map((draft) => ({ ...draft, id: `f${++this.next}` }));
    fresh.sort((a, b) => b.at - a.at);
    this.items = [...fresh, ...this.items].slice(0, this.capacity);
    this.version++;
  }

  get latest(): readonly FeedItem[] {
    return this.items;
  }
}
