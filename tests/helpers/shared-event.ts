/** Articles that report one event between them (through the whole pipeline: parse, extraction, merge), for the event pages' tests. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The sentence every report states: the merge makes one event of it, reported by each article that has it. */
export const SHARED_SENTENCE = 'On 19 May 2024, Maria Lopez opened the harbour bridge in Paris.';

/** How `writeReport` writes an article. */
export interface ReportOptions {
  /** Whether it states the shared event (else an event of its own, on a day of March no other article names). */
  reports?: boolean;
  /** Its headline (`Harbour report <n>`); its URL is `articles/harbour-report-<n>/` whatever the headline. */
  title?: string;
}

/** Writes `report-<n>.md` into `dir`, dated in June 2024, and returns its file name. */
export function writeReport(dir: string, n: number, { reports = true, title = `Harbour report ${n}` }: ReportOptions = {}): string {
  const name = `report-${n}.md`;
  const first = reports ? SHARED_SENTENCE : `On ${(n % 28) + 1} March 2024, the harbour bridge closed for repairs.`;
  const day = String((n % 28) + 1).padStart(2, '0');
  writeFileSync(path.join(dir, name), `---\ntitle: ${title}\nslug: harbour-report-${n}\ndate: 2024-06-${day}\n---\n\n${first}\n\nA note of report ${n} on the weather in the town.\n`);
  return name;
}
