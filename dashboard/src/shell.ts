/**
 * The frame around the views (index.html): navigation, the connection
 * indicator, how fresh the data is, server health and the API key form.
 */
import { type ConnectionState, connectionDetail, connectionLabel } from './connectionState';
import { setAttr, setHidden, setText } from './dom';
import { type HealthReport, healthLabel } from './health';
import type { ViewName } from './router';
import { formatUpdatedAgo } from './timeAgo';

export interface ShellModel {
  readonly connection: ConnectionState;
  /** When data last reached the page, by fetch or push. */
  readonly lastDataAt: number | undefined;
  /** Open alerts for the badge; undefined when the server has no alerts. */
  readonly openAlerts: number | undefined;
  readonly problem: string | undefined;
  readonly apiKeySet: boolean;
  /** The account managers of a bound key's book; undefined for a key that sees the fleet. */
  readonly book: readonly string[] | undefined;
  readonly view: ViewName | undefined;
  readonly now: number;
}

export interface Shell {
  render(model: ShellModel): void;
  health(report: HealthReport): void;
  openAccess(): void;
  onApiKey(handler: (key: string) => void): void;
  onForgetKey(handler: () => void): void;
}

export function bindShell(doc: Document): Shell {
  const get = (id: string): HTMLElement => {
    const found = doc.getElementById(id);
    if (found === null) {
      throw new Error(`index.html has no #${id}`);
    }
    return found;
  };
  const el = {
    connection: get('connection'),
    connectionLabel: get('connection-label'),
    connectionDetail: get('connection-detail'),
    updated: get('updated'),
    ready: get('ready-status'),
    alertsBadge: get('alerts-badge'),
    problem: get('problem'),
    access: get('access') as HTMLDetailsElement,
    form: get('api-key-form') as HTMLFormElement,
    input: get('api-key') as HTMLInputElement,
    clear: get('api-key-clear'),
    keyState: get('api-key-state'),
    book: get('book'),
  };
  const links = Array.from(doc.querySelectorAll<HTMLAnchorElement>('nav.views-nav a[data-view]'));

  return {
    render(model) {
      const label = connectionLabel(model.connection.status);
      setAttr(el.connection, 'data-tone', label.tone);
      setText(el.connectionLabel, label.text);
      const detail = connectionDetail(model.connection, model.now);
      setText(el.connectionDetail, detail);
      setAttr(el.connection, 'title', detail || label.text);
      const paused = model.connection.status !== 'connected' && model.lastDataAt !== undefined ? ' (live updates paused)' : '';
      setText(el.updated, `${formatUpdatedAgo(model.lastDataAt, model.now)}${paused}`);
      setAttr(el.updated, 'data-tone', paused === '' ? undefined : 'warning');

      setHidden(el.alertsBadge, model.openAlerts === undefined || model.openAlerts === 0);
      setText(el.alertsBadge, model.openAlerts === undefined ? '' : String(model.openAlerts));
      setAttr(el.alertsBadge, 'aria-label', model.openAlerts === undefined ? undefined : `${model.openAlerts} open`);

      setHidden(el.book, model.book === undefined);
      setText(el.book, model.book === undefined ? '' : `Book of ${model.book.join(', ')}`);
      setAttr(el.book, 'title', model.book === undefined ? undefined : 'This key sees these account managers\' customers only.');

      setHidden(el.problem, model.problem === undefined);
      setText(el.problem, model.problem ?? '');
      setText(el.keyState, model.apiKeySet ? 'A key is set for this tab.' : 'No key set: connecting without one.');

      const active: ViewName | undefined = model.view === 'customer' ? 'customers' : model.view;
      for (const link of links) {
        setAttr(link, 'aria-current', link.dataset['view'] === active ? 'page' : undefined);
      }
    },
    health(report) {
      const label = healthLabel(report.ready.status);
      setText(el.ready, label.text);
      setAttr(el.ready, 'data-tone', label.tone);
      setAttr(el.ready, 'title', `readiness: ${report.ready.detail}; liveness: ${healthLabel(report.live.status).text} (${report.live.detail})`);
    },
    openAccess() {
      el.access.open = true;
    },
    onApiKey(handler) {
      el.form.addEventListener('submit', (event) => {
        event.preventDefault();
        handler(el.input.value);
        el.input.value = '';
      });
    },
    onForgetKey(handler) {
      el.clear.addEventListener('click', () => {
        el.input.value = '';
        handler();
      });
    },
  };
}
