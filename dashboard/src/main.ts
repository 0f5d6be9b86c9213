import { ApiKeyStore, authorizationHeaders, sessionStorageOrUndefined } from './apiKey';
import { createFrameScheduler } from './frame';
import { createHealthMonitor } from './health';
import { LiveConnection } from './live';
import { type DashboardModel, bindView } from './view';

const apiKeys = new ApiKeyStore(sessionStorageOrUndefined());
const live = new LiveConnection({ accessToken: () => apiKeys.get() });
const view = bindView(document);

const model: DashboardModel = {
  connection: live.state,
  health: undefined,
  apiKeySet: apiKeys.get() !== undefined,
};

const frames = createFrameScheduler(() => view.render(model, Date.now()), (callback) => requestAnimationFrame(callback));

live.onStateChange((state) => {
  model.connection = state;
  frames.schedule();
});

const health = createHealthMonitor({
  fetch: (url, init) => fetch(url, init),
  headers: () => authorizationHeaders(apiKeys.get()),
  onReport: (report) => {
    model.health = report;
    frames.schedule();
  },
});

// "updated N s ago" and retry countdowns move with the clock.
setInterval(() => frames.schedule(), 1_000);

const form = document.getElementById('api-key-form');
const input = document.getElementById('api-key');
const clear = document.getElementById('api-key-clear');
if (form instanceof HTMLFormElement && input instanceof HTMLInputElement && clear !== null) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    keyChanged(apiKeys.set(input.value));
    input.value = '';
  });
  clear.addEventListener('click', () => {
    apiKeys.clear();
    input.value = '';
    keyChanged(undefined);
  });
}

function keyChanged(key: string | undefined): void {
  model.apiKeySet = key !== undefined;
  frames.schedule();
  // The hub reads the token only when it connects.
  void live.restart();
  void health.checkNow();
}

void live.start();
health.start();
frames.schedule();
