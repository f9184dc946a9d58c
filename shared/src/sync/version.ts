// Wire protocol version: clients send `?v=<major>.<minor>`; the relay refuses another major.
export const PROTOCOL_VERSION = '1.0';
export const PROTOCOL_MAJOR = 1;

export function isSupportedVersion(v: string | null | undefined): boolean {
  if (!v) return false;
  const major = Number.parseInt(v.split('.')[0] ?? '', 10);
  return major === PROTOCOL_MAJOR;
}
