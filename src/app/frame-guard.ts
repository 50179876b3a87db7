// Refuses to run Quorum inside another page's frame (clickjacking), where the service worker's frame-ancestors header cannot reach.
// A frame on another site is not controlled by Quorum's service worker (storage is partitioned by the
// top-level site), and a <meta> policy cannot forbid framing, so the page checks for itself before the
// app is defined: this module is the entry's first import.

/** True when this document is inside a frame: the app is not started, a notice takes its place. */
export const framed = window.top !== window.self;

if (framed) {
  document.querySelector('quorum-app')?.remove();
  const notice = document.createElement('main');
  notice.setAttribute('data-testid', 'framed-notice');
  const heading = document.createElement('h1');
  heading.textContent = 'Quorum does not run inside other pages';
  const text = document.createElement('p');
  text.textContent =
    'Another page tried to show Quorum in a frame, where what you see and click could be covered or disguised. ';
  const link = document.createElement('a');
  link.href = location.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Open Quorum in its own tab';
  text.append(link, '.');
  notice.append(heading, text);
  document.body.prepend(notice);
}
