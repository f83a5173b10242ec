/**
 * Commands that arrive in the same turn of the event loop run together and are written in one
 * transaction: thousands of durable commands a second share one disk flush, while a lone command
 * still costs one round trip and one commit.
 */
export class Batcher<J> {
  private jobs: J[] = [];
  private scheduled = false;

  constructor(private readonly run: (jobs: J[]) => void) {}

  push(job: J): void {
    this.jobs.push(job);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const jobs = this.take();
      if (jobs.length > 0) this.run(jobs);
    });
  }

  /** The jobs not yet run (on shutdown: to refuse them). */
  take(): J[] {
    const jobs = this.jobs;
    this.jobs = [];
    return jobs;
  }
}
