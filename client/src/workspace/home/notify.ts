// Browser notifications for what reaches me while the app is open: asked for from a button (a user gesture), and
// never with patient data in their text (who mentioned me, or that a case has an action for me; not what or whom).
export type NotifyState = NotificationPermission | 'unsupported';

export const notifyState = (): NotifyState => ('Notification' in window ? Notification.permission : 'unsupported');

export async function askToNotify(): Promise<NotifyState> {
  if (!('Notification' in window)) return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a notification if the person allowed them; the tag keeps one per item however often it is seen. */
export function notify(body: string, tag: string): void {
  if (notifyState() !== 'granted') return;
  try {
    new Notification('Maillage', { body, tag, lang: 'fr' });
  } catch {
    // Some mobile browsers allow notifications only from a service worker: the home screen still lists the item.
  }
}
