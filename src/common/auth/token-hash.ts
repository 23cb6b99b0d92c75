import { createHash } from 'node:crypto';

/** How a secret token from a cookie or an address is kept and looked up: its SHA-256, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
