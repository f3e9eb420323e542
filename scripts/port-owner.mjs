// Which program holds a local TCP port, in words a user can act on: 「node（PID 1234）」.
// Linux reads /proc (no tools needed); macOS asks lsof; Windows asks netstat and tasklist.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import process from 'node:process';

/** Socket inodes listening on `port`, from /proc/net/tcp and tcp6 text. Pure: exported for tests. */
export function listeningInodes(procNetTcp, port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    // sl local_address rem_address st ... inode (column 9); st 0A = LISTEN
    if (cols.length > 9 && cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.push(cols[9]);
  }
  return inodes;
}

function linuxOwner(port) {
  let text = '';
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      text += readFileSync(f, 'utf8') + '\n';
    } catch {
      // no IPv6 table
    }
  }
  const inodes = new Set(listeningInodes(text, port).map((i) => `socket:[${i}]`));
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
          return { name, pid: Number(pid) };
        }
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

function macOwner(port) {
  const out = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], { encoding: 'utf8', timeout: 5000 });
  const pid = /^p(\d+)$/m.exec(out)?.[1];
  const name = /^c(.+)$/m.exec(out)?.[1];
  return pid ? { name: name ?? '不明', pid: Number(pid) } : undefined;
}

function windowsOwner(port) {
  const out = execFileSync('netstat', ['-ano', '-p', 'TCP'], { encoding: 'utf8', timeout: 5000 });
  const row = out.split(/\r?\n/).find((l) => new RegExp(`:${port}\\s+\\S+\\s+LISTENING\\s+\\d+`).test(l));
  const pid = row ? /(\d+)\s*$/.exec(row)?.[1] : undefined;
  if (!pid) return undefined;
  const task = execFileSync('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'], { encoding: 'utf8', timeout: 5000 });
  return { name: /^"([^"]+)"/.exec(task.trim())?.[1] ?? '不明', pid: Number(pid) };
}

/** The program listening on `port`, or undefined when it cannot be told. */
export function portOwner(port) {
  try {
    if (process.platform === 'linux') return linuxOwner(port);
    if (process.platform === 'darwin') return macOwner(port);
    if (process.platform === 'win32') return windowsOwner(port);
  } catch {
    // the tools are missing: say what we know
  }
  return undefined;
}

/** The Japanese message `npm start` prints when its port is taken. */
export function portBusyMessage(port, owner) {
  const who = owner ? `${owner.name}（PID ${owner.pid}）` : '別のプログラム';
  return `ポート ${port} は ${who} が使用中です。ブラウザ版のデータはこのアドレスに保存されているため、別のポートでは開きません。` +
    `${who} を終了してから、もう一度 npm start を実行してください。`;
}

/**
 * Serves the built app on exactly `port` (vite preview). Resolves to the server, or rejects with
 * an Error whose message is portBusyMessage when the port is taken.
 */
export async function previewOnFixedPort(vite, port, outDir) {
  try {
    return await vite.preview({ preview: { host: '127.0.0.1', port, strictPort: true, open: false }, logLevel: 'silent', ...(outDir ? { build: { outDir } } : {}) });
  } catch (e) {
    if ((e && typeof e === 'object' && 'code' in e && e.code === 'EADDRINUSE') || /in use|EADDRINUSE/.test(String(e))) {
      throw new Error(portBusyMessage(port, portOwner(port)));
    }
    throw e;
  }
}
