// Relay counters in the Prometheus text format (GET /metrics): a dozen numbers do not need a client library.
export class Metrics {
  messages = new Map<string, number>();
  refusals = new Map<string, number>();
  /** Times a socket was held (not read) for sending past its rate. */
  paced = 0;
  /** Awareness entries dropped because they named another's client id, or were too large (presence.ts). */
  presenceDropped = { notOwn: 0, tooLarge: 0 };
  bytesIn = 0;
  bytesOut = 0;
  updatesPersisted = 0;
  /** Rooms the relay will not open until an operator releases them (quarantine.ts). */
  roomsQuarantined = 0;
  /** Group-commit durations, in seconds, bucketed. */
  private readonly persistBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
  private readonly persistCounts = new Array<number>(this.persistBuckets.length + 1).fill(0);
  private persistSum = 0;

  countMessage(type: string, bytes: number): void {
    this.messages.set(type, (this.messages.get(type) ?? 0) + 1);
    this.bytesIn += bytes;
  }

  countRefusal(reason: string): void {
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  countPaced(): void {
    this.paced++;
  }

  countPresenceDropped(dropped: { notOwn: number; tooLarge: number }): void {
    this.presenceDropped.notOwn += dropped.notOwn;
    this.presenceDropped.tooLarge += dropped.tooLarge;
  }

  observePersist(seconds: number, updates: number): void {
    this.updatesPersisted += updates;
    this.persistSum += seconds;
    const i = this.persistBuckets.findIndex((b) => seconds <= b);
    this.persistCounts[i === -1 ? this.persistBuckets.length : i]!++;
  }

  render(gauges: {
    connections: number;
    rooms: number;
    roomLoads: number;
    journalWaiting: number;
    journalDropped: number;
    refusalsNotJournaled?: number;
    addressLimitDropped?: number;
  }): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    metric('maillage_connections', 'gauge', 'Open WebSocket connections.', [['', gauges.connections]]);
    metric('maillage_rooms_in_memory', 'gauge', 'Rooms loaded in memory.', [['', gauges.rooms]]);
    metric('maillage_room_loads_total', 'counter', 'Rooms loaded from disk.', [['', gauges.roomLoads]]);
    metric('maillage_journal_waiting', 'gauge', 'Access journal entries waiting for the store to accept them.', [
      ['', gauges.journalWaiting],
    ]);
    metric(
      'maillage_journal_dropped_total',
      'counter',
      'Access journal entries dropped after the store refused them too long.',
      [['', gauges.journalDropped]],
    );
    metric(
      'maillage_refusals_not_journaled_total',
      'counter',
      'Refused sockets with no valid token past the journal budget: counted, not journaled.',
      [['', gauges.refusalsNotJournaled ?? 0]],
    );
    metric(
      'maillage_address_limit_dropped_total',
      'counter',
      'TCP connections dropped because their address held MAX_CONNECTIONS_PER_ADDRESS.',
      [['', gauges.addressLimitDropped ?? 0]],
    );
    metric(
      'maillage_messages_total',
      'counter',
      'Messages received, by type.',
      [...this.messages].map(([t, n]) => [`{type="${t}"}`, n]),
    );
    metric('maillage_bytes_received_total', 'counter', 'Bytes received from clients.', [['', this.bytesIn]]);
    metric('maillage_bytes_sent_total', 'counter', 'Bytes of updates forwarded to clients.', [['', this.bytesOut]]);
    metric(
      'maillage_refusals_total',
      'counter',
      'Connections refused or closed, by reason.',
      [...this.refusals].map(([r, n]) => [`{reason="${r}"}`, n]),
    );
    metric('maillage_paced_total', 'counter', 'Times a socket was held, not read, for sending past its rate.', [
      ['', this.paced],
    ]);
    metric('maillage_rooms_quarantined', 'gauge', 'Rooms refused because reading their stored state failed.', [
      ['', this.roomsQuarantined],
    ]);
    metric(
      'maillage_presence_dropped_total',
      'counter',
      'Presence entries dropped, by reason.',
      Object.entries(this.presenceDropped).map(([r, n]) => [`{reason="${r}"}`, n]),
    );
    metric('maillage_updates_persisted_total', 'counter', 'Updates written to disk.', [['', this.updatesPersisted]]);
    let cumulative = 0;
    const buckets: [string, number][] = this.persistBuckets.map((b, i) => {
      cumulative += this.persistCounts[i]!;
      return [`_bucket{le="${b}"}`, cumulative];
    });
    const total = cumulative + this.persistCounts[this.persistBuckets.length]!;
    metric('maillage_persist_seconds', 'histogram', 'Duration of one group commit.', [
      ...buckets,
      ['_bucket{le="+Inf"}', total],
      ['_sum', this.persistSum],
      ['_count', total],
    ]);
    return `${lines.join('\n')}\n`;
  }
}
