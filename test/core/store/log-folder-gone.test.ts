import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLog, type LogRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome('prep-logs-gone-');
const grade = (id: string): LogRecord => ({ v: 1, type: 'grade', id, deck: 'd', card: 'c', grade: 3, at: new Date().toISOString() });

describe('the logs folder deleted mid-drill', () => {
  it('is made again by the next append, and the grade is saved', () => {
    const logs = path.join(home().dir, 'logs');
    const { log } = ReviewLog.open(path.join(logs, 'd.jsonl'));
    log.append(grade('a1'));
    fs.rmSync(logs, { recursive: true });
    log.append(grade('a2'));
    log.close();
    expect(ReviewLog.open(path.join(logs, 'd.jsonl')).records.map((r) => r.id)).toEqual(['a2']);
  });
});
