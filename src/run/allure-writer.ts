import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AllureVitestReporter from 'allure-vitest/reporter';
import { stringifyEnvInfo } from 'allure-js-commons/sdk/reporter';
import type { Writer } from 'allure-js-commons/sdk/reporter';
import type { Vitest } from 'vitest/node';

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

/** allure-vitest's reporter, writing through ResultsWriter (it takes no writer option of its own). */
export class AllureResultsReporter extends AllureVitestReporter {
  constructor(private readonly resultsDir: string) {
    super({ resultsDir });
  }
  override onInit(vitest: Vitest): void {
    super.onInit(vitest);
    // The runtime is private in the reporter's types; its writer is a plain field, swapped once, before any test runs.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer: Writer } }).allureReporterRuntime;
    if (runtime) runtime.writer = new ResultsWriter(this.resultsDir);
  }
}
