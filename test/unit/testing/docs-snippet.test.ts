import * as ts from 'typescript';
import { takeResources, taskInfo, newTaskId, type Scheduler } from 'mesos-napi';
import { readMarkdown } from '../../support/markdown-files';

/** Launches a 1-cpu task on every offer that has one, for as long as it runs. */
const keepsLaunching: Scheduler = {
  resourceOffers(driver, offers) {
    for (const offer of offers) {
      const need = takeResources(offer.resources, { cpus: 1, mem: 128 });
      if (!need) {
        driver.declineOffer(offer.id, { refuseSeconds: 5 });
        continue;
      }
      const task = taskInfo({
        name: 'worker',
        taskId: newTaskId('worker'),
        agentId: offer.slaveId,
        resources: need.taken,
        command: { value: 'true' },
      });
      driver.launchTasks([offer.id], [task]);
    }
  },
};

// The first TypeScript block of docs/testing.md, run as written, with its declared
// scheduler bound to one that keeps launching tasks until the end.
test("docs/testing.md's example passes for a scheduler that keeps launching", async () => {
  const block = /```ts\n([\s\S]*?)```/.exec(readMarkdown('docs/testing.md'))![1];
  const declared = /^declare const myScheduler: Scheduler;.*$/m;
  expect(block).toMatch(declared);
  const source = `${block.replace(declared, '')}\nmodule.exports = anHourOfMyFramework;`;
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: undefined as unknown };
  new Function('require', 'module', 'exports', 'myScheduler', js)(
    require,
    module,
    {},
    keepsLaunching,
  );
  await (module.exports as () => Promise<void>)();
});
