/**
 * Accessibility of the H5 build (the browser only; WeChat has its own): Taro's web components keep their
 * labels on the host element and are not keyboard-reachable, so once the page changes we
 * - hand an `aria-label` on an input or textarea host to the real input inside it, and an image's to its `alt`
 *   (decorative images get an empty alt),
 * - make buttons and switches focusable and pressable with Enter or Space, and say when they are disabled or on,
 * - let the scrolling page box take focus, so a keyboard can scroll it.
 */
const patch = (root: ParentNode) => {
  root.querySelectorAll('taro-input-core[aria-label], taro-textarea-core[aria-label]').forEach((host) => {
    const field = host.querySelector('input, textarea');
    if (field && !field.getAttribute('aria-label')) field.setAttribute('aria-label', host.getAttribute('aria-label') ?? '');
  });
  root.querySelectorAll('taro-image-core img:not([alt])').forEach((img) => {
    img.setAttribute('alt', img.closest('taro-image-core')?.getAttribute('aria-label') ?? '');
  });
  root.querySelectorAll('taro-button-core').forEach((b) => {
    if (!b.hasAttribute('tabindex')) b.setAttribute('tabindex', '0');
    if (!b.hasAttribute('role')) b.setAttribute('role', 'button');
    const off = b.classList.contains('nut-button-disabled') || b.hasAttribute('disabled');
    if ((b.getAttribute('aria-disabled') === 'true') !== off) b.setAttribute('aria-disabled', String(off));
  });
  root.querySelectorAll('.taro_page:not([tabindex])').forEach((p) => p.setAttribute('tabindex', '0'));
  // NutUI's switch writes its ARIA props as made-up attributes on the web: make it a real switch.
  root.querySelectorAll('.nut-switch').forEach((sw) => {
    for (const a of ['aria-role', 'ariarole', 'ariachecked', 'ariadisabled', 'arialabel']) sw.removeAttribute(a);
    sw.setAttribute('role', 'switch');
    sw.setAttribute('aria-checked', String(sw.classList.contains('nut-switch-open')));
    if (!sw.hasAttribute('tabindex')) sw.setAttribute('tabindex', '0');
  });
};

/** Starts watching the document (H5 only). */
export function watchAccessibility(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      patch(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'aria-label'] });
  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null;
    if ((e.key === 'Enter' || e.key === ' ') && (el?.tagName === 'TARO-BUTTON-CORE' || el?.classList.contains('nut-switch'))) {
      e.preventDefault();
      el.click();
    }
  });
}
