import { createHash } from 'node:crypto';

/** What the readiness page needs of one Allure result file (`allure-results/<uuid>-result.json`). */
export interface AllureResult {
  uuid: string;
  name: string;
  labels?: { name: string; value: string }[];
  /** When the test began (epoch ms). */
  start?: number;
}

/** Where each check's test is in the Allure report, by `checkKey`. */
export type CheckLinks = ReadonlyMap<string, string>;

export function checkKey(c: { partner: string; family: string; name: string }): string {
  return JSON.stringify([c.partner, c.family, c.name]);
}

/**
 * Links into the Allure 3 report generated from these results. The report addresses a test by hash route
 * `index.html#/<id>`, its id being the md5 of the result's uuid (@allurereport/core, store/convert.js): stable
 * for that report, so links are only made for a report generated from the same results. The tree is
 * partner > family > check, as the labels `parentSuite` and `suite` say.
 */
export function allureLinks(results: readonly AllureResult[], reportIndex: string): CheckLinks {
  const links = new Map<string, string>();
  for (const r of results) {
    const label = (name: string): string | undefined => r.labels?.find((l) => l.name === name)?.value;
    const partner = label('parentSuite');
    const family = label('suite');
    if (partner === undefined || family === undefined) continue;
    const key = checkKey({ partner, family, name: r.name });
    if (!links.has(key)) links.set(key, `${reportIndex}#/${createHash('md5').update(r.uuid).digest('hex')}`);
  }
  return links;
}
