import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AllureVitestReporter from 'allure-vitest/reporter';
import { stringifyEnvInfo } from 'allure-js-commons/sdk/reporter';
import type { Writer } from 'allure-js-commons/sdk/reporter';
import type { TestCase, Vitest } from 'vitest/node';

/**
 * Allure results written as plain files. allure-js-commons' own writer writes each file to a temporary
 * name, fsyncs it and renames it: durable, and about 4 ms a file on these disks — a full run writes
 * thousands (every exchange's request and response), which kept vitest's main process busy for seconds
 * after the last test and made the worker's shutdown time out. A run's results are rebuilt by the next run;
 * they need no fsync.
 */
export class ResultsWriter implements Writer {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  writeResult(result: Parameters<Writer['writeResult']>[0]): void {
    this.json(`${result.uuid}-result.json`, result);
  }
  writeGroup(result: Parameters<Writer['writeGroup']>[0]): void {
    this.json(`${result.uuid}-container.json`, result);
  }
  writeAttachment(distFileName: string, content: Buffer): void {
    writeFileSync(path.join(this.dir, distFileName), content);
  }
  writeAttachmentFromPath(distFileName: string, from: string): void {
    copyFileSync(from, path.join(this.dir, distFileName));
  }
  writeEnvironmentInfo(info: Parameters<Writer['writeEnvironmentInfo']>[0]): void {
    writeFileSync(path.join(this.dir, 'environment.properties'), stringifyEnvInfo(info));
  }
  writeCategoriesDefinitions(categories: Parameters<Writer['writeCategoriesDefinitions']>[0]): void {
    this.json('categories.json', categories);
  }
  writeGlobals(distFileName: string, info: Parameters<Writer['writeGlobals']>[1]): void {
    this.json(distFileName, info);
  }
  private json(name: string, data: unknown): void {
    writeFileSync(path.join(this.dir, name), JSON.stringify(data));
  }
}

/** The parts of allure-vitest's reporter this class drives: both public in its JavaScript, not in its types. */
interface AllureTasks {
  handleTask(task: unknown): void;
}

interface Task {
  id: string;
  type: string;
  tasks?: Task[];
}

/**
 * allure-vitest's reporter, writing through ResultsWriter (it takes no writer option of its own), and writing
 * each test's result as the test ends rather than all at the end of the run: the main process is idle while the
 * worker runs the tests, and writing a full run's thousands of files after the last one kept the verdict waiting
 * 1–10 s (more the busier the machine). What the run's end still has to do — a suite's failed hooks, a test that
 * never reported — is done then, once per test.
 */
export class AllureResultsReporter extends AllureVitestReporter {
  private readonly written = new Set<string>();

  constructor(private readonly resultsDir: string) {
    super({ resultsDir });
  }

  onTestCaseResult(test: TestCase): void {
    this.written.add(test.id);
    (this as unknown as AllureTasks).handleTask((test as unknown as { task: Task }).task);
  }

  override onTestRunEnd(modules: Parameters<AllureVitestReporter['onTestRunEnd']>[0]): void {
    const tasks = this as unknown as AllureTasks;
    const rest = (t: Task): void => {
      if (t.type === 'suite' || t.type === 'module') {
        // The suite alone (its failed hooks become global messages), then each of its tests not written yet.
        tasks.handleTask({ ...t, tasks: [] });
        for (const inner of t.tasks ?? []) rest(inner);
      } else if (!this.written.has(t.id)) tasks.handleTask(t);
    };
    for (const m of modules as unknown as Array<{ task?: Task }>) if (m?.task) rest(m.task);
    super.onTestRunEnd([]);
  }
  override onInit(vitest: Vitest): void {
    super.onInit(vitest);
    // The runtime is private in the reporter's types; its writer is a plain field, swapped once, before any test runs.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer: Writer } }).allureReporterRuntime;
    if (runtime) runtime.writer = new ResultsWriter(this.resultsDir);
  }
}
