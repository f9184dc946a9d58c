// Starts the relay from the command line: settings from the environment, clean shutdown on SIGTERM/SIGINT.
import { helpText, readConfig, sharedStoreOf } from './config';
import { migrateToShared } from './sharedStore/migrateToShared';
import { startRelay } from './server';
import { log } from './log';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(helpText);
  process.exit(0);
}

let config;
try {
  config = readConfig(process.env);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${helpText}`);
  process.exit(2);
}

// One command moves this relay's rooms into the shared store (README: several relays; docs/decisions/0040).
if (process.argv.includes('--migrate-to-shared')) {
  const shared = sharedStoreOf(config);
  if (!shared) {
    process.stderr.write('--migrate-to-shared : donnez REDIS_URL et DATABASE_URL, les adresses du stockage partagé.\n');
    process.exit(2);
  }
  const report = await migrateToShared(config.DATA_DIR, shared.databaseUrl, (room, bytes) =>
    log('room_migrated', { room, bytes }),
  );
  process.stdout.write(
    `${report.rooms} salle(s) de ${config.DATA_DIR} copiées dans PostgreSQL (${report.bytes} octets), ` +
      `${report.revocations} révocation(s), ${report.lists} liste(s) d'équipe de soins et ` +
      `${report.journal} ligne(s) du journal d'accès.\n`,
  );
  process.exit(0);
}

const relay = await startRelay(config);
process.stdout.write(`Maillage relay listening on ${relay.url}\n`);
process.stdout.write(
  `Maillage est prêt : ouvrez ${relay.url} dans votre navigateur (données dans ${config.DATA_DIR}).\n`,
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log('shutdown', { signal });
  await relay.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
