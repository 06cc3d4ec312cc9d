import type { Page } from 'playwright-core';
import type { TaskInfo } from 'mesos-napi';
import { chromiumMissing, launchChromium } from '../../support/chromium';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';

// The service's page in headless Chromium (Debian's), against a service on the simulator.
const missing = chromiumMissing();
if (missing) process.stdout.write(`skipped "the service's page in Chromium": ${missing}\n`);
const testWithChromium = missing ? test.skip : test;

/** The instance rows' texts: id → [state, health, restarts, last end]. */
const rows = (page: Page) =>
  page.$$eval('#instances tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        tr.getAttribute('data-instance'),
        [
          tr.querySelector('.state')!.textContent,
          tr.querySelector('.health')!.textContent,
          tr.querySelector('.restarts')!.textContent,
          tr.querySelector('.reason')!.textContent,
        ],
      ]),
    ),
  );

/** Waits until the page's instance rows satisfy `test` (a function run in the page). */
const untilRows = (page: Page, test: string) =>
  page.waitForFunction(
    `(() => { const rows = Object.fromEntries([...document.querySelectorAll('#instances tr')].map((tr) => [tr.dataset.instance, tr.querySelector('.state').textContent])); return ${test}; })()`,
    undefined,
    { timeout: 10000 },
  );

/** Waits (in real time, while virtual time stands) until `condition` holds. */
async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

testWithChromium(
  'the page shows the instances, updates live when one fails, and scales and restarts the service',
  async () => {
    const c = cluster({ agents: agents(3) });
    // web-1's first task fails 5 s after it starts.
    c.onLaunch((task: TaskInfo) =>
      task.taskId.value.startsWith('shop.web-1.1-')
        ? {
            steps: [
              { state: 'TASK_STARTING' },
              { state: 'TASK_RUNNING' },
              { after: '5s', state: 'TASK_FAILED', message: 'exited 1' },
            ],
          }
        : undefined,
    );
    const web = pod('web', 3, { restart: { backoffSeconds: 60 } });
    const { scheduler, driver } = runService(c, service(web), { http: { port: 0 } });
    await scheduler.ready();
    await c.advance('2s');
    const chromium = await launchChromium();
    try {
      const page = await chromium.context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
      await page.goto(scheduler.webuiUrl!);
      await untilRows(
        page,
        "Object.keys(rows).length === 3 && Object.values(rows).every((s) => s === 'RUNNING')",
      );
      expect(await page.textContent('#name')).toBe('shop');
      expect(await page.textContent('#connection')).toBe('live');
      expect(await rows(page)).toEqual({
        'web-0': ['RUNNING', '–', '0', '–'],
        'web-1': ['RUNNING', '–', '0', '–'],
        'web-2': ['RUNNING', '–', '0', '–'],
      });

      // web-1 fails: the page shows it waiting out its 60 s delay, with why it ended.
      await c.advance('5s');
      await untilRows(page, "rows['web-1'] === 'waiting'");
      const failed = (await rows(page))['web-1'];
      expect(failed[3]).toMatch(/^TASK_FAILED: exited 1; restarts at t\+/);
      expect(await page.textContent('#events')).toContain('instance-ended instance=web-1');

      // Scaled to 5 from the page: the service wants 5 and launches 2 more.
      await page.fill('tr[data-pod="web"] input', '5');
      await page.click('tr[data-pod="web"] button.scale');
      await until('the service to want 5', () => scheduler.status().pods[0].instances === 5);
      await c.advance('2s');
      expect(liveTasks(c)).toHaveLength(4);
      await untilRows(page, "Object.keys(rows).length === 5 && rows['web-4'] === 'RUNNING'");
      expect(await page.textContent('tr[data-pod="web"] .wanted')).toBe('5');

      // Restarted from the page: web-1 launches at once instead of after its delay.
      await page.click('tr[data-instance="web-1"] button.restart');
      await until('web-1 to launch again', () =>
        scheduler
          .status()
          .pods[0].instanceList.some((i) => i.id === 'web-1' && i.delayUntil === undefined),
      );
      await c.advance('2s');
      await untilRows(page, "rows['web-1'] === 'RUNNING'");
      expect((await rows(page))['web-1'][2]).toBe('1');
      expect(liveTasks(c)).toHaveLength(5);

      // An update in progress shows with its progress; paused from the page, it holds.
      await scheduler.update(service({ ...web, instances: 5, command: 'sleep 2000' }));
      await page.waitForSelector('#deployment-state');
      await page.click('#pause');
      await until('the update to pause', () => scheduler.status().deployment?.paused === true);
      await page.waitForSelector('#deployment-state:text-is("running (paused)")');
      expect(await page.textContent('#deployment')).toMatch(
        /^Update 1 to version 3 running \(paused\)web: 0 of 5 updated and healthy, 5 old left1 steps$/,
      );
      expect(await page.isDisabled('#pause')).toBe(true);
      await page.click('#resume');
      await until('the update to resume', () => scheduler.status().deployment?.paused !== true);
      expect(problems).toEqual([]);
    } finally {
      await chromium.close();
      driver.stop();
      scheduler.close();
      await scheduler.http!.close();
    }
  },
  60_000,
);
