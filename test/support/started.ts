// What a sync test file starts (relay processes, stock y-websocket clients), kept in one place so that one hook ends it.
import type { WebsocketProvider } from 'y-websocket';
import { startRelayProcess, type RelayProcess, type RelayProcessOptions } from './relayProcess';
import { connect } from './yClient';

export class Started {
  private readonly relays: RelayProcess[] = [];
  private readonly providers: WebsocketProvider[] = [];

  /** `defaults`: what every relay of the file starts with (a shared store's settings…), read when each one starts. */
  constructor(private readonly defaults: () => RelayProcessOptions = () => ({})) {}

  /** A relay process started with the file's defaults, its own `env` on top of theirs. */
  async relay(options: RelayProcessOptions = {}): Promise<RelayProcess> {
    const defaults = this.defaults();
    return this.keepRelay(
      await startRelayProcess({ ...defaults, ...options, env: { ...defaults.env, ...options.env } }),
    );
  }

  /** A relay started another way (a restart on the same folder), stopped with the others. */
  keepRelay(relay: RelayProcess): RelayProcess {
    this.relays.push(relay);
    return relay;
  }

  /** A stock client of `room` through `wsUrl`, destroyed with the others. */
  client(wsUrl: string, room: string, options?: Parameters<typeof connect>[2]): WebsocketProvider {
    const provider = connect(wsUrl, room, options);
    this.providers.push(provider);
    return provider;
  }

  /** Clients made another way, destroyed with the others. */
  keep(...providers: WebsocketProvider[]): void {
    this.providers.push(...providers);
  }

  /** Destroys every client kept so far; the relays go on (one restarted next reads what the clients left). */
  dropClients(): void {
    for (const provider of this.providers.splice(0)) provider.destroy();
  }

  /** Destroys the clients, then stops the relays (SIGTERM, each awaited). */
  async end(): Promise<void> {
    this.dropClients();
    await Promise.all(this.relays.splice(0).map((relay) => relay.stop()));
  }
}
