import { type ConnectionState, connectionDetail, connectionLabel } from './connectionState';
import { type HealthReport, type ProbeResult, healthLabel } from './health';
import { formatUpdatedAgo } from './timeAgo';

/** Everything the page shows; main.ts owns it and asks for frames. */
export interface DashboardModel {
  connection: ConnectionState;
  health: HealthReport | undefined;
  apiKeySet: boolean;
}

export interface DashboardView {
  render(model: DashboardModel, now: number): void;
}

/** Binds to the static markup in index.html and updates only what changed. */
export function bindView(doc: Document): DashboardView {
  const el = {
    connection: byId(doc, 'connection'),
    connectionLabel: byId(doc, 'connection-label'),
    connectionDetail: byId(doc, 'connection-detail'),
    readyStatus: byId(doc, 'ready-status'),
    readyDetail: byId(doc, 'ready-detail'),
    liveStatus: byId(doc, 'live-status'),
    liveDetail: byId(doc, 'live-detail'),
    updated: byId(doc, 'updated'),
    apiKeyState: byId(doc, 'api-key-state'),
  };

  return {
    render(model: DashboardModel, now: number): void {
      const label = connectionLabel(model.connection.status);
      setAttr(el.connection, 'data-tone', label.tone);
      setText(el.connectionLabel, label.text);
      setText(el.connectionDetail, connectionDetail(model.connection, now) || label.text);

      renderProbe(el.readyStatus, el.readyDetail, model.health?.ready);
      renderProbe(el.liveStatus, el.liveDetail, model.health?.live);
      setText(el.updated, formatUpdatedAgo(model.health?.checkedAt, now));

      setText(el.apiKeyState, model.apiKeySet ? 'A key is set for this tab.' : 'No key set: connecting without one.');
    },
  };
}

function renderProbe(status: HTMLElement, detail: HTMLElement, probe: ProbeResult | undefined): void {
  if (probe === undefined) {
    return;
  }
  const label = healthLabel(probe.status);
  setAttr(status, 'data-tone', label.tone);
  setText(status, label.text);
  setText(detail, `(${probe.detail})`);
}

function byId(doc: Document, id: string): HTMLElement {
  const found = doc.getElementById(id);
  if (found === null) {
    throw new Error(`index.html has no #${id}`);
  }
  return found;
}

// Writing the same text again would make some screen readers repeat a live region.
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

function setAttr(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
