import { createHmac } from 'node:crypto';

const HALF_BITS = 27;
const HALF = 2 ** HALF_BITS;
const ROUNDS = 4;

/**
 * What the audit log hands out as a page's start: the event's position (global, in commit order)
 * under a keyed permutation of 1 .. 2^53 - 1 of its own for each workspace, so that a cursor says
 * nothing of how many events other workspaces recorded between two pages, and one workspace's
 * cursors mean nothing in another. A Feistel network (four HMAC-SHA256 rounds over two 27-bit
 * halves, cycle-walking into the range): every number of the range is a mark, so any cursor of the
 * right syntax is accepted and leads only to the caller's own workspace's events.
 */
export class EventPageMarks {
  constructor(private readonly key: Buffer) {}

  mark(workspaceId: string, position: number): number {
    return walk(position - 1, this.roundFunction(workspaceId), false) + 1;
  }

  position(workspaceId: string, mark: number): number {
    return walk(mark - 1, this.roundFunction(workspaceId), true) + 1;
  }

  private roundFunction(workspaceId: string): (round: number, half: number) => number {
    const workspaceKey = createHmac('sha256', this.key).update(workspaceId).digest();
    const input = Buffer.alloc(5);
    return (round, half) => {
      input.writeUInt8(round, 0);
      input.writeUInt32BE(half, 1);
      return createHmac('sha256', workspaceKey).update(input).digest().readUInt32BE(0) % HALF;
    };
  }
}

/**
 * The permutation of 0 .. SIZE - 1: the Feistel network over 54 bits, applied again while the result
 * is out of the range (cycle walking; about twice on average). The halves are kept apart: a double
 * holds every integer below 2^53 only.
 */
function walk(value: number, round: (round: number, half: number) => number, inverse: boolean): number {
  let left = Math.floor(value / HALF);
  let right = value % HALF;
  do {
    for (let i = 0; i < ROUNDS; i++) {
      if (inverse) [left, right] = [right ^ round(ROUNDS - 1 - i, left), left];
      else [left, right] = [right, left ^ round(i, right)];
    }
  } while (!(left < HALF / 2 && !(left === HALF / 2 - 1 && right === HALF - 1)));
  return left * HALF + right;
}
