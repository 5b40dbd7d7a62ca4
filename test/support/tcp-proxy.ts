import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy that a test controls, to put between the service and PostgreSQL. `cut()` drops every
 * open connection and black-holes new ones (they are accepted and never answered, as with a
 * network partition); `restore()` forwards again. `stall()` leaves the open connections open but
 * passes nothing along them any more, as when a peer vanishes without closing.
 */
export class TcpProxy {
  private readonly open = new Set<Socket>();
  private isCut = false;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy!.accept(client));
    const proxy = new TcpProxy(server, target);
    holder.proxy = proxy;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  cut(): void {
    this.isCut = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  stall(): void {
    for (const socket of this.open) {
      socket.unpipe();
      socket.pause();
    }
  }

  restore(): void {
    this.isCut = false;
    // Black-holed connections never reached the database: drop them so their clients notice.
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    this.open.add(client);
    client.on('close', () => this.open.delete(client));
    client.on('error', () => client.destroy());
    if (this.isCut) return;
    const upstream = connect(this.target.port, this.target.host);
    this.open.add(upstream);
    upstream.on('close', () => {
      this.open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  }
}
