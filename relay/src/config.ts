// Relay settings from the environment, parsed with zod so a typo fails loudly at start.
import { fileURLToPath } from 'node:url';
import { z } from 'zod/mini';
import { parseWorkspacesSetting } from './servedWorkspaces';
import { EPOCH_GROWTH, EPOCH_MIN_BYTES } from './epochRewrites';

const defaultStatic = fileURLToPath(new URL('../../client/dist', import.meta.url));

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));

export const configSchema = z.object({
  PORT: z._default(int(0, 65535), 8080),
  HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  STATIC_DIR: z._default(z.string().check(z.minLength(1)), defaultStatic),
  MAX_MESSAGE_BYTES: z._default(int(1024), 8 * 1024 * 1024),
  EVICT_AFTER_MS: z._default(int(0), 5_000),
  COMPACT_AFTER_UPDATES: z._default(int(10), 500),
  RATE_PER_SECOND: z._default(int(1), 200),
  RATE_BURST: z._default(int(1), 1000),
  MAX_CONNECTIONS_PER_MEMBER: z._default(int(1), 100),
  MAX_CONNECTIONS_PER_ADDRESS: z._default(int(0), 1000),
  MAX_LISTS_PER_MEMBER: z._default(int(1), 10_000),
  SIGNED_REQUESTS_PER_ADDRESS: z._default(int(0), 50),
  MAX_BUFFERED_BYTES: z._default(int(64 * 1024), 16 * 1024 * 1024),
  MAX_STORE_MB: z._default(int(0), 0),
  MAX_WORKSPACE_MB: z._default(int(0), 0),
  EPOCH_MIN_BYTES: z._default(int(1024), EPOCH_MIN_BYTES),
  EPOCH_GROWTH: z._default(z.coerce.number().check(z.minimum(1.1), z.maximum(100)), EPOCH_GROWTH),
  WORKSPACES: z._default(
    z
      .string()
      .check(
        z.refine(
          (v) => parseWorkspacesSetting(v) !== null,
          'all, first, ou des identifiants d’espace séparés par des virgules',
        ),
      ),
    'all',
  ),
  AUTH: z._default(z.enum(['on', 'off']), 'on'),
  // Shared mode: how long an entry stays in its room's Redis stream once Postgres holds it (docs/decisions/0040).
  STREAM_KEEP_MS: z._default(int(1000), 60_000),
  // Both or neither: together they make this relay one of several sharing every room (docs/decisions/0040).
  REDIS_URL: z.optional(
    z.string().check(z.refine((v) => /^rediss?:\/\/\S+$/.test(v), 'une adresse redis://hôte:port attendue')),
  ),
  DATABASE_URL: z.optional(
    z
      .string()
      .check(
        z.refine(
          (v) => /^postgres(ql)?:\/\/\S+$/.test(v),
          'une adresse postgres://utilisateur@hôte:port/base attendue',
        ),
      ),
  ),
});

export type RelayConfig = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration invalide — ${detail}`);
  }
  const { REDIS_URL, DATABASE_URL } = parsed.data;
  if ((REDIS_URL === undefined) !== (DATABASE_URL === undefined))
    throw new Error(
      `configuration invalide — ${REDIS_URL === undefined ? 'REDIS_URL' : 'DATABASE_URL'}: à donner avec ${
        REDIS_URL === undefined ? 'DATABASE_URL' : 'REDIS_URL'
      } (plusieurs relais partagent leurs salles par Redis et PostgreSQL), ou aucun des deux`,
    );
  return parsed.data;
}

/** Redis and Postgres, when this relay is one of several sharing every room (docs/decisions/0040). */
export function sharedStoreOf(config: Pick<RelayConfig, 'REDIS_URL' | 'DATABASE_URL'>) {
  const { REDIS_URL, DATABASE_URL } = config;
  return REDIS_URL && DATABASE_URL ? { redisUrl: REDIS_URL, databaseUrl: DATABASE_URL } : null;
}

/** Every setting's default, read from the schema: the help text and `startRelay` share them. */
export const defaults: RelayConfig = readConfig({});
const mib = (bytes: number) => `${bytes} = ${bytes / 1024 / 1024} Mio`;

export const helpText = `Maillage — relais y-websocket

Usage : node relay/dist/main.js [--help] [--migrate-to-shared]

  --migrate-to-shared  copie les salles du SQLite de DATA_DIR dans PostgreSQL (REDIS_URL et DATABASE_URL
                       donnés), puis s'arrête ; sans risque si on le relance

Variables d'environnement :
  PORT                 port HTTP et WebSocket (défaut ${defaults.PORT} ; 0 = un port libre)
  HOST                 interface d'écoute (défaut ${defaults.HOST} ; 0.0.0.0 pour le réseau local)
  DATA_DIR             dossier des données du relais, SQLite (défaut ${defaults.DATA_DIR})
  STATIC_DIR           client construit à servir (défaut client/dist)
  MAX_MESSAGE_BYTES    taille maximale d'un message (défaut ${mib(defaults.MAX_MESSAGE_BYTES)})
  EVICT_AFTER_MS       délai avant de décharger une salle sans client (défaut ${defaults.EVICT_AFTER_MS})
  COMPACT_AFTER_UPDATES nombre de mises à jour avant compaction d'une salle (défaut ${defaults.COMPACT_AFTER_UPDATES})
  RATE_PER_SECOND      messages par seconde lus par connexion ; au-delà, le relais la lit moins vite (défaut ${defaults.RATE_PER_SECOND})
  RATE_BURST           rafale lue d'un coup par connexion (défaut ${defaults.RATE_BURST})
  MAX_CONNECTIONS_PER_MEMBER connexions simultanées par membre, tous appareils (défaut ${defaults.MAX_CONNECTIONS_PER_MEMBER})
  MAX_CONNECTIONS_PER_ADDRESS connexions TCP simultanées par adresse IP, avant toute authentification
                       (défaut ${defaults.MAX_CONNECTIONS_PER_ADDRESS} ; 0 = illimitées)
  SIGNED_REQUESTS_PER_ADDRESS requêtes HTTP signées par seconde et par adresse IP, vérifiées avant toute signature ;
                       rafale de 10 secondes (défaut ${defaults.SIGNED_REQUESTS_PER_ADDRESS} ; 0 = illimitées)
  MAX_LISTS_PER_MEMBER documents à accès restreint qu'un membre peut créer dans un espace (défaut ${defaults.MAX_LISTS_PER_MEMBER})
  MAX_BUFFERED_BYTES   octets en attente pour un lecteur lent avant de le déconnecter (défaut ${mib(defaults.MAX_BUFFERED_BYTES)})
  MAX_STORE_MB         taille maximale du stockage en Mio ; au-delà, les écritures sont refusées (défaut ${defaults.MAX_STORE_MB} ; 0 = illimitée)
  MAX_WORKSPACE_MB     taille maximale des documents d'un espace de travail en Mio ; au-delà, ses écritures sont
                       refusées, les autres espaces continuent (défaut ${defaults.MAX_WORKSPACE_MB} ; 0 = illimitée)
  EPOCH_MIN_BYTES      taille à partir de laquelle un document commun (catalogue, annuaire, groupes) peut être
                       réécrit dans une nouvelle époque (défaut ${defaults.EPOCH_MIN_BYTES})
  EPOCH_GROWTH         réécrit quand son état dépasse ce multiple de sa réécriture (défaut ${String(defaults.EPOCH_GROWTH).replace('.', ',')})
  WORKSPACES           espaces de travail hébergés : all (tous), first (le premier qui se connecte avec une
                       invitation valide, retenu ensuite ; défaut de scripts/start.sh) ou leurs identifiants séparés
                       par des virgules (défaut ${defaults.WORKSPACES})
  AUTH                 on : jeton d'accès signé exigé ; off : pour le développement seulement (défaut ${defaults.AUTH})
  REDIS_URL            avec DATABASE_URL : ce relais est l'un de plusieurs qui partagent toutes les salles ; les
                       mises à jour récentes dans Redis (redis://hôte:port ; défaut : aucun, tout dans SQLite)
  DATABASE_URL         avec REDIS_URL : l'état compacté des salles dans PostgreSQL (postgres://utilisateur@hôte:port/base)
  STREAM_KEEP_MS       avec REDIS_URL : durée pendant laquelle une mise à jour reste dans Redis une fois dans
                       PostgreSQL, pour les relais en retard de lecture (défaut ${defaults.STREAM_KEEP_MS})
`;
