// A value React reads with useSyncExternalStore: the current one, and who to tell when the next one is published.
export abstract class ExternalState<T> {
  private readonly listeners = new Set<() => void>();
  /** Set by the subclass's constructor (it often needs its own fields to compute it). */
  protected value!: T;

  get current(): T {
    return this.value;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected publish(next: T): void {
    this.value = next;
    for (const listener of this.listeners) listener();
  }

  /** No one hears of later values (the owner was stopped). */
  protected forgetListeners(): void {
    this.listeners.clear();
  }
}
