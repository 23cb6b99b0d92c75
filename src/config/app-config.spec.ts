import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on the embedded default with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.env.PORT).toBe(3000);
    expect(config.embeddedDatabase).toBe(true);
    expect(config.queueBackend).toBe('postgres');
    expect(config.databaseUrl).toBe('postgres://postgres:postgres@127.0.0.1:54329/vfu');
  });

  it('uses DATABASE_URL and REDIS_URL when given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/vfu',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
    });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/vfu');
    expect(config.queueBackend).toBe('redis');
    expect(config.env.PORT).toBe(8080);
  });

  it('names every malformed variable', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', JWT_TTL_SECONDS: '5', LOG_LEVEL: 'loud' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', JWT_TTL_SECONDS: '5', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'REDIS_URL', 'JWT_TTL_SECONDS', 'LOG_LEVEL']) expect(message).toContain(`${name}:`);
    }
  });

  it('has no default secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET: must be at least 32/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://mail:25' }).jwtSecret,
    ).toBe('x'.repeat(32));
  });

  it('needs a mail server in production, where a mail written to a folder would reach no one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /SMTP_URL: is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail', MAIL_FROM: 'nobody' })).toThrow(
      /SMTP_URL: must be[\s\S]*MAIL_FROM: must be/,
    );
    expect(loadConfig({ MAIL_FROM: 'VFU <vfu@stockholm.se>', PUBLIC_URL: 'https://vfu.stockholm.se/' }).publicUrl).toBe(
      'https://vfu.stockholm.se',
    );
  });

  it('outside production keeps a generated secret in the data folder, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vfu-config-'));
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o077).toBe(0);
  });
});
