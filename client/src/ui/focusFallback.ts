// Where the focus goes when the control that had it is gone (a dialog's trigger that its own action removed, a toast
// that closed under the keyboard): the screen's heading, so the keyboard and screen readers carry on from the top of
// the screen instead of from nowhere.
export function keepFocusOnScreen(): void {
  // React Aria gives the focus back to a dialog's trigger in an animation frame: look once it has.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }),
  );
}
