import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JobProcessor } from './job-processor';
import { JobName } from './job-types';

/** A worker refuses to start when some job name has no handler: such jobs would never run. */
@Injectable()
export class JobHandlerCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const handled = new Set(
      this.discovery
        .getProviders()
        .map((wrapper): unknown => wrapper.instance)
        .filter((instance): instance is JobProcessor => instance instanceof JobProcessor)
        .flatMap((processor) => Object.keys(processor.handlers)),
    );
    const missing = Object.values(JobName).filter((name) => !handled.has(name));
    if (missing.length) throw new Error(`No job handler registered for: ${missing.join(', ')}`);
  }
}
