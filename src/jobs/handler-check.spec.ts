import { DiscoveryService } from '@nestjs/core';
import { JobHandlerCheck } from './handler-check';
import { JobHandlers, JobProcessor } from './job-processor';
import { JobName } from './job-types';

class Complete extends JobProcessor {
  readonly handlers: JobHandlers = Object.fromEntries(
    Object.values(JobName).map((name) => [name, () => Promise.resolve()]),
  );
}

class Empty extends JobProcessor {
  readonly handlers: JobHandlers = {};
}

const discovering = (...instances: object[]) =>
  ({ getProviders: () => instances.map((instance) => ({ instance })) }) as unknown as DiscoveryService;

describe('JobHandlerCheck', () => {
  it('lets a worker boot when every job name has a handler', () => {
    const sut = new JobHandlerCheck(discovering(new Complete(), {}));
    expect(() => sut.onApplicationBootstrap()).not.toThrow();
  });

  it('refuses to boot, naming the jobs that would never run', () => {
    const sut = new JobHandlerCheck(discovering(new Empty()));
    expect(() => sut.onApplicationBootstrap()).toThrow(
      `No job handler registered for: ${Object.values(JobName).join(', ')}`,
    );
  });
});
