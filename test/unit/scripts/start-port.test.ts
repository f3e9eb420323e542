import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vite from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningInodes, portOwner, previewOnFixedPort } from '../../../scripts/port-owner.mjs';

/**
 * Browser mode keeps the user's work per origin, so `npm start` must never move to another port
 * (the work would seem to vanish). A busy port is refused with the program to close.
 */
const listen = (port: number) => new Promise<Server>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(port, '127.0.0.1', () => resolve(s));
});
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('npm start: a fixed port, never another origin', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a busy port, naming the program and its PID, instead of moving', async () => {
    const holder = await listen(0);
    const port = (holder.address() as { port: number }).port;
    dir = mkdtempSync(path.join(tmpdir(), 'senshin-port-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    try {
      const err = await previewOnFixedPort(vite, port, dir).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      const message = (err as Error).message;
      expect(message).toContain(`ポート ${port} は`);
      if (process.platform === 'linux') expect(message).toContain(`（PID ${process.pid}）`);
      expect(message).toContain('を終了してから、もう一度 npm start を実行してください');
    } finally {
      await close(holder);
    }
  });

  it('serves on exactly the asked port when it is free', async () => {
    const probe = await listen(0);
    const port = (probe.address() as { port: number }).port;
    await close(probe);
    dir = mkdtempSync(path.join(tmpdir(), 'senshin-port-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>senshin</title>');
    const server = await previewOnFixedPort(vite, port, dir);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(await res.text()).toContain('<title>senshin</title>');
      if (process.platform === 'linux') expect(portOwner(port)?.pid).toBe(process.pid);
    } finally {
      await server.close();
    }
  });

  it('reads listening sockets from /proc/net/tcp text (LISTEN only, the right port)', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:104D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0',
      '   1: 0100007F:104D 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0',
      '   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0',
    ].join('\n');
    expect(listeningInodes(text, 4173)).toEqual(['111']);
  });
});

describe('npm test beside a running npm start', () => {
  it('serves the tests’ own build on their own port, never dist/ on 4173', async () => {
    const { E2E_PORT, E2E_OUT, default: config } = await import('../../../playwright.config');
    expect(E2E_PORT).not.toBe(4173);
    expect(path.resolve(E2E_OUT)).not.toBe(path.resolve('dist'));
    const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
    expect(server?.command).toContain(`--port ${E2E_PORT} --strictPort`);
    expect(server?.command).toContain(path.resolve(E2E_OUT));
  });
});
