// A progress line on stderr (reports done/total, MB/s), only when stderr is a terminal: a pipe or a log file
// gets the messages alone. Messages printed meanwhile go above the line.
import type { Input } from './inputs';

export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly total: number;
  private readonly started = Date.now();
  private done_ = 0;
  private bytes = 0;
  private shownAt = 0;

  constructor(inputs: readonly Input[]) {
    this.total = inputs.length;
  }

  done(input: Input): void {
    this.done_++;
    this.bytes += input.bytes;
    const now = Date.now();
    if (this.tty && (now - this.shownAt > 100 || this.done_ === this.total)) {
      this.shownAt = now;
      const mb = this.bytes / 1048576;
      const rate = mb / Math.max(0.001, (now - this.started) / 1000);
      process.stderr.write(`\r\x1b[K${this.done_}/${this.total} reports, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s`);
    }
  }

  /** A message on a line of its own. */
  note(message: string): void {
    process.stderr.write(`${this.tty && this.shownAt > 0 ? '\r\x1b[K' : ''}${message}\n`);
    this.shownAt = 0;
  }

  end(): void {
    if (this.tty && this.shownAt > 0) process.stderr.write('\n');
  }
}
