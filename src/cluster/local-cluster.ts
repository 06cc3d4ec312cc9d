import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { findMesos, type MesosInstall } from '../discovery';
import { LocalClusterError } from '../errors';
import { hasExited, terminate } from './child-exit';
import { checkPortFree, freePort } from './ports';
import { killAll, processesUnder } from './sandbox-processes';

/** Options of startLocalCluster(). */
export interface LocalClusterOptions {
  /** Defaults to the Mesos that discovery finds. */
  install?: MesosInstall;
  /** The address master and agent listen on; default 127.0.0.1. */
  ip?: string;
  /** 0 or absent: a free port. */
  masterPort?: number;
  /** The agent's port; 0 or absent: a free port. */
  agentPort?: number;
  /** The agent's --resources. */
  resources?: string;
  /** How long to wait for the agent to register, in ms. */
  timeoutMs?: number;
  /**
   * A ZooKeeper URL (zk://host:port/path): the master is elected there and the agent finds
   * it there, so a restarted master is followed by agents and schedulers.
   */
  zk?: string;
  /**
   * Principals and secrets the master accepts (CRAM-MD5): written to credentials.json in the
   * work directory and given as --credentials, with --authenticate_frameworks, so a
   * framework without a valid credential is refused.
   */
  credentials?: { principal: string; secret: string }[];
  /** Extra flags, e.g. ['--checkpoint'] style strings. */
  masterFlags?: string[];
  /** Extra flags for the agent, e.g. ['--attributes=rack:r1']. */
  agentFlags?: string[];
}

/** Options of LocalCluster.addAgent(). */
export interface ExtraAgentOptions {
  /** The hostname the agent reports (default: the address). */
  hostname?: string;
  /** Its --attributes, e.g. 'rack:r2;zone:b'. */
  attributes?: string;
  /**
   * Its --resources (default DEFAULT_AGENT_RESOURCES with the ports range moved by 1000 per
   * added agent, so that tasks on different agents never get the same port).
   */
  resources?: string;
}

/** A master and an agent started by startLocalCluster(); stop() removes everything. */
export interface LocalCluster {
  /** What to hand to a scheduler driver: host:port of the master, or the zk:// URL. */
  master: string;
  /** The master's web UI, http://host:port. */
  webUi: string;
  /** The work directory of both, removed by stop(). */
  workDir: string;
  /** The agent's id, once registered. */
  agentId: string;
  /** The current master process (a new one after restartMaster). */
  readonly masterProcess: ChildProcess;
  /** The current agent process (a new one after restartAgent). */
  readonly agentProcess: ChildProcess;
  /**
   * Stops the agent (SIGTERM, or the signal given) and starts it again on the same work
   * directory, so it recovers checkpointed executors; resolves once it has re-registered.
   */
  restartAgent(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Stops the master and starts a new one on the same port; resolves once the agent has
   * registered with it. Useful with zk, where agents and schedulers follow the new leader.
   */
  restartMaster(): Promise<void>;
  /**
   * Starts one more agent on the same address (its own port and work directory), e.g. with
   * another `--hostname` or `--attributes`, so that placement across hosts can be tried on
   * one machine; resolves with its id once it has registered. stop() stops it too.
   */
  addAgent(options?: ExtraAgentOptions): Promise<string>;
  /** Stops agent and master, kills what ran in their sandboxes, removes the work directory. */
  stop(): Promise<void>;
}

export const DEFAULT_AGENT_RESOURCES = 'cpus:4;mem:4096;disk:8192;ports:[31000-31999]';

/**
 * The environment without MESOS_* variables: mesos-master and mesos-agent read those as
 * flags, and refuse to start when one repeats a flag given on the command line (as the
 * variables set for master=local would).
 */
function flagFreeEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('MESOS_')),
  );
}

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

function logTail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function requireBinary(install: MesosInstall, which: 'master' | 'agent'): string {
  const binary = install[which];
  if (!binary) {
    throw new LocalClusterError(
      `mesos-${which} is not installed under ${install.prefix} (Mesos ${install.version}, found by ${install.rule}); ` +
        'install the Mesos binaries or point MESOS_HOME at a prefix that has sbin/mesos-master and sbin/mesos-agent',
    );
  }
  return binary;
}

function startProcess(binary: string, flags: string[], log: string): ChildProcess {
  const out = fs.openSync(log, 'a');
  const child = spawn(binary, flags, { stdio: ['ignore', out, out], env: flagFreeEnvironment() });
  fs.closeSync(out);
  return child;
}

/** Writes the master's credentials file; the flags that make frameworks authenticate. */
function authenticationFlags(
  workDir: string,
  credentials: { principal: string; secret: string }[],
): string[] {
  const file = path.join(workDir, 'credentials.json');
  fs.writeFileSync(file, JSON.stringify({ credentials }), { mode: 0o600 });
  return ['--authenticate_frameworks', `--credentials=${file}`];
}

/** Polls the master until an agent is registered; fails early if either process exits. */
async function waitForAgent(
  webUi: string,
  children: Array<[string, ChildProcess, string]>,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [name, child, log] of children) {
      if (hasExited(child)) {
        throw new LocalClusterError(
          `${name} exited (${child.exitCode ?? child.signalCode}) before the agent registered; last lines of ${log}:\n${logTail(log)}`,
        );
      }
    }
    try {
      const state = (await getJson(`${webUi}/master/slaves`)) as { slaves?: Array<{ id: string }> };
      if (state.slaves && state.slaves.length > 0) return state.slaves[0].id;
    } catch {
      // master not up yet
    }
    if (Date.now() > deadline) {
      throw new LocalClusterError(
        `the agent did not register within ${timeoutMs} ms; last lines of the agent log:\n${logTail(children[1][2])}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function extraAgentDir(workDir: string, n: number): string {
  return path.join(workDir, `agent-${n + 2}`);
}

/** DEFAULT_AGENT_RESOURCES with its ports 1000 × n higher. */
function shiftedPortsResources(n: number): string {
  return DEFAULT_AGENT_RESOURCES.replace(
    /ports:\[(\d+)-(\d+)\]/,
    (_, from: string, to: string) => `ports:[${Number(from) + 1000 * n}-${Number(to) + 1000 * n}]`,
  );
}

/** Polls the master until an agent at this address (ip:port) is registered; its id. */
async function waitForAgentAt(
  webUi: string,
  address: string,
  agent: ChildProcess,
  log: string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited(agent)) {
      throw new LocalClusterError(
        `mesos-agent at ${address} exited (${agent.exitCode ?? agent.signalCode}) before it registered; last lines of ${log}:\n${logTail(log)}`,
      );
    }
    try {
      const state = (await getJson(`${webUi}/master/slaves`)) as {
        slaves?: Array<{ id: string; pid: string }>;
      };
      const found = state.slaves?.find((s) => s.pid.endsWith(`@${address}`));
      if (found) return found.id;
    } catch {
      // master busy
    }
    if (Date.now() > deadline) {
      throw new LocalClusterError(
        `the agent at ${address} did not register within ${timeoutMs} ms; last lines of ${log}:\n${logTail(log)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls the master until the agent with this id is registered and active again. */
async function waitForAgentState(
  webUi: string,
  agentId: string,
  agent: ChildProcess,
  log: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // The master notices the restart only after the new agent re-registers; wait for that.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (;;) {
    if (hasExited(agent)) {
      throw new LocalClusterError(
        `mesos-agent exited while restarting; last lines of ${log}:\n${logTail(log)}`,
      );
    }
    try {
      const state = (await getJson(`${webUi}/master/slaves`)) as {
        slaves?: Array<{ id: string; active: boolean }>;
      };
      if (state.slaves?.some((s) => s.id === agentId && s.active)) return;
    } catch {
      // master busy
    }
    if (Date.now() > deadline)
      throw new LocalClusterError(`the agent did not re-register within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts mesos-master and one mesos-agent on loopback in a fresh temporary work directory
 * (posix launcher and isolation, no systemd), and resolves once the agent has registered.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const ip = options.ip ?? '127.0.0.1';
  const install = options.install ?? findMesos().install;
  if (!install) {
    throw new LocalClusterError(
      'no Mesos installation found; run `npx mesos-napi doctor` to see where it looked',
    );
  }
  const masterBinary = requireBinary(install, 'master');
  const agentBinary = requireBinary(install, 'agent');
  const masterPort = options.masterPort || (await freePort(ip));
  const agentPort = options.agentPort || (await freePort(ip));
  await checkPortFree(ip, masterPort, 'the master');
  await checkPortFree(ip, agentPort, 'the agent');

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-cluster-'));
  const master = `${ip}:${masterPort}`;
  const webUi = `http://${master}`;
  const timeoutMs = options.timeoutMs ?? 60000;
  const masterLog = path.join(workDir, 'master.log');
  const agentLog = path.join(workDir, 'agent.log');

  const masterFlags = [
    `--ip=${ip}`,
    `--port=${masterPort}`,
    `--hostname=${ip}`,
    `--work_dir=${path.join(workDir, 'master')}`,
    '--registry=in_memory',
    ...(options.zk ? [`--zk=${options.zk}`, '--quorum=1'] : []),
    ...(options.credentials ? authenticationFlags(workDir, options.credentials) : []),
    ...(options.masterFlags ?? []),
  ];
  let masterProcess = startProcess(masterBinary, masterFlags, masterLog);
  const agentFlags = [
    `--master=${options.zk ?? master}`,
    `--ip=${ip}`,
    `--port=${agentPort}`,
    `--hostname=${ip}`,
    `--work_dir=${path.join(workDir, 'agent')}`,
    `--runtime_dir=${path.join(workDir, 'agent-run')}`,
    '--launcher=posix',
    '--isolation=posix/cpu,posix/mem',
    '--no-systemd_enable_support',
    `--resources=${options.resources ?? DEFAULT_AGENT_RESOURCES}`,
    ...(options.agentFlags ?? []),
  ];
  let agentProcess = startProcess(agentBinary, agentFlags, agentLog);

  const extraAgents: ChildProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      await Promise.all([agentProcess, ...extraAgents].map((agent) => terminate(agent, 5000)));
      await terminate(masterProcess, 5000);
      const sandboxes = [
        path.join(workDir, 'agent'),
        ...extraAgents.map((_, i) => extraAgentDir(workDir, i)),
      ];
      for (const dir of sandboxes) killAll(processesUnder(dir), 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const dir of sandboxes) killAll(processesUnder(dir), 'SIGKILL');
      fs.rmSync(workDir, { recursive: true, force: true });
    })());

  try {
    const agentId = await waitForAgent(
      webUi,
      [
        ['mesos-master', masterProcess, masterLog],
        ['mesos-agent', agentProcess, agentLog],
      ],
      timeoutMs,
    );
    const agentActive = () => waitForAgentState(webUi, agentId, agentProcess, agentLog, timeoutMs);
    const restartAgent = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
      agentProcess.kill(signal);
      await terminate(agentProcess, 5000);
      agentProcess = startProcess(agentBinary, agentFlags, agentLog);
      await agentActive();
    };
    const restartMaster = async (): Promise<void> => {
      await terminate(masterProcess, 5000);
      masterProcess = startProcess(masterBinary, masterFlags, masterLog);
      await agentActive();
    };
    const addAgent = async (extra: ExtraAgentOptions = {}): Promise<string> => {
      if (stopped) throw new LocalClusterError('the cluster was stopped');
      const n = extraAgents.length;
      const port = await freePort(ip);
      const dir = extraAgentDir(workDir, n);
      const log = path.join(workDir, `agent-${n + 2}.log`);
      const flags = [
        `--master=${options.zk ?? master}`,
        `--ip=${ip}`,
        `--port=${port}`,
        `--hostname=${extra.hostname ?? ip}`,
        `--work_dir=${dir}`,
        `--runtime_dir=${dir}-run`,
        '--launcher=posix',
        '--isolation=posix/cpu,posix/mem',
        '--no-systemd_enable_support',
        `--resources=${extra.resources ?? shiftedPortsResources(n + 1)}`,
        ...(extra.attributes !== undefined ? [`--attributes=${extra.attributes}`] : []),
      ];
      const agent = startProcess(agentBinary, flags, log);
      extraAgents.push(agent);
      return waitForAgentAt(webUi, `${ip}:${port}`, agent, log, timeoutMs);
    };
    return {
      master: options.zk ?? master,
      webUi,
      workDir,
      agentId,
      get masterProcess() {
        return masterProcess;
      },
      get agentProcess() {
        return agentProcess;
      },
      restartAgent,
      restartMaster,
      addAgent,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
