import { randomBytes } from 'node:crypto';
import { EventPageMarks } from './event-page-mark.js';

const MAX = 2 ** 53 - 1;

describe('EventPageMarks', () => {
  const marks = new EventPageMarks(randomBytes(32));
  const workspace = '6f1c2d3e-0000-4000-8000-000000000001';
  const other = '6f1c2d3e-0000-4000-8000-000000000002';

  it('is a permutation of 1 .. 2^53 - 1 for each workspace: every mark leads back to its position', () => {
    for (const position of [1, 2, 3, 1000, 1001, 123_456_789, MAX - 1, MAX, 2 ** 52, 2 ** 27 - 1, 2 ** 27]) {
      const mark = marks.mark(workspace, position);
      expect(Number.isSafeInteger(mark) && mark >= 1 && mark <= MAX).toBe(true);
      expect(marks.position(workspace, mark)).toBe(position);
    }
    // Any number of the range is some mark (a cursor of the right syntax is never refused).
    for (const mark of [1, 987_654, MAX, 2 ** 40 + 3]) {
      const position = marks.position(workspace, mark);
      expect(position >= 1 && position <= MAX).toBe(true);
      expect(marks.mark(workspace, position)).toBe(mark);
    }
  });

  it('says nothing of the positions: neighbours are far apart, and each workspace has its own marks', () => {
    const consecutive = [100, 101, 102, 103].map((position) => marks.mark(workspace, position));
    const gaps = consecutive.slice(1).map((mark, i) => Math.abs(mark - consecutive[i]));
    expect(Math.min(...gaps)).toBeGreaterThan(1_000_000);
    expect(marks.mark(other, 100)).not.toBe(marks.mark(workspace, 100));
    expect(new EventPageMarks(randomBytes(32)).mark(workspace, 100)).not.toBe(marks.mark(workspace, 100));
  });
});
