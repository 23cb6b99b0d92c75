import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  it('never runs two passes at once, and stop waits for the pass in flight', async () => {
    let passes = 0;
    let finish!: () => void;
    const sut = new PeriodicTask('test task', () => {
      passes++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const first = sut.tick();
    const second = sut.tick();
    expect(passes).toBe(1);
    let stopped = false;
    const stopping = sut.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await Promise.all([first, second, stopping]);
    expect(stopped).toBe(true);
    expect(passes).toBe(1);
  });

  it('keeps going after a failed pass', async () => {
    let passes = 0;
    const sut = new PeriodicTask('test task', () =>
      ++passes === 1 ? Promise.reject(new Error('down')) : Promise.resolve(),
    );
    await sut.tick();
    await sut.tick();
    expect(passes).toBe(2);
  });
});
