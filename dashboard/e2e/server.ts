/**
 * A real CxLive for the browser tests: the api's Release build (made by
 * tests/run.sh's build step; never built here), on 127.0.0.1 at free ports,
 * with a fresh data folder, the demo fleet for realistic load, and keyless
 * loopback access. Stopped and its folder removed at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repositoryRoot = resolve(import.meta.dirname, '..', '..');
const apiProject = join(repositoryRoot, 'api', 'CxLive.Api');
export const apiDll = join(apiProject, 'bin', 'Release', 'net10.0', 'CxLive.Api.dll');
const webRoot = join(apiProject, 'wwwroot');

export interface RunningServer {
  readonly baseUrl: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The admin key of the test server (keys are made with it; loopback callers need none otherwise). */
export const adminKey = 'e2e-admin-key-0123456789';

export async function startCxLive(settings: Readonly<Record<string, string>> = {}): Promise<RunningServer> {
  if (!existsSync(apiDll)) {
    throw new Error(`${apiDll} is missing: build first (dotnet build CxLive.sln -c Release, as tests/run.sh does)`);
  }
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html is missing: the api build makes it (dashboard.targets)`);
  }
  const dataDirectory = await mkdtemp(join(tmpdir(), 'cxlive-e2e-'));
  const [port, siloPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('dotnet', [apiDll, '--webroot', webRoot], {
    cwd: apiProject,
    env: {
      ...process.env,
      ASPNETCORE_URLS: baseUrl,
      ASPNETCORE_ENVIRONMENT: 'Production',
      DOTNET_gcServer: '0',
      Storage__DataDirectory: dataDirectory,
      Cluster__ServiceId: `e2e-${port}`,
      Cluster__SiloPort: String(siloPort),
      Cluster__GatewayPort: String(gatewayPort),
      Auth__AllowAnonymousLoopback: 'true',
      Auth__BootstrapKey: adminKey,
      Demo__Enabled: 'true',
      Demo__Customers: '300',
      Demo__EventsPerSecond: '1000',
      Demo__FirstIncidentAfterSeconds: '3',
      Demo__IncidentEverySeconds: '45',
      Demo__IncidentSeconds: '40',
      Logging__LogLevel__Default: 'Warning',
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  }

  try {
    await waitUntilReady(baseUrl, 90_000, () => child.exitCode !== null, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}

async function waitUntilReady(baseUrl: string, timeoutMs: number, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) {
      throw new Error(`CxLive exited during start-up:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`CxLive was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}
