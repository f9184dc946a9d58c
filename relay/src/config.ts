// Relay settings from the environment, parsed with zod so a typo fails loudly at start.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultStatic = fileURLToPath(new URL('../../client/dist', import.meta.url));

const int = (min: number) => z.coerce.number().int().min(min);

export const configSchema = z.object({
  PORT: int(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  STATIC_DIR: z.string().min(1).default(defaultStatic),
  MAX_MESSAGE_BYTES: int(1024).default(8 * 1024 * 1024),
  EVICT_AFTER_MS: int(0).default(5_000),
  COMPACT_AFTER_UPDATES: int(10).default(500),
});

export type RelayConfig = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration invalide — ${detail}`);
  }
  return parsed.data;
}

export const helpText = `Maillage — relais y-websocket

Usage : node --import tsx relay/src/main.ts [--help]

Variables d'environnement :
  PORT                 port HTTP et WebSocket (défaut 8080 ; 0 = un port libre)
  HOST                 interface d'écoute (défaut 127.0.0.1 ; 0.0.0.0 pour le réseau local)
  DATA_DIR             dossier des données du relais, SQLite (défaut ./data)
  STATIC_DIR           client construit à servir (défaut client/dist)
  MAX_MESSAGE_BYTES    taille maximale d'un message (défaut 8388608 = 8 Mio)
  EVICT_AFTER_MS       délai avant de décharger une salle sans client (défaut 5000)
  COMPACT_AFTER_UPDATES nombre de mises à jour avant compaction d'une salle (défaut 500)
`;
