// The app shell on the device (issue 21): a service worker (sw.js) that serves the page, its script and styles from
// its cache when the network is not there, so the worker's app opens in a basement flat. Registered through a
// Trusted Types policy that allows that one script URL and nothing else (the page requires Trusted Types).
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
declare const trustedTypes: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy } | undefined;

const SW = './sw.js';

export async function registerOffline(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const policy = typeof trustedTypes === 'undefined' ? undefined : trustedTypes.createPolicy('strkit-sw', {
    createScriptURL: (url) => {
      if (url !== SW) throw new TypeError('Only the app’s own service worker may be registered');
      return url;
    },
  });
  const url = (policy?.createScriptURL(SW) ?? SW) as string;
  try {
    await navigator.serviceWorker.register(url, { scope: './' });
  } catch {
    // No service worker (a private window, or a browser that refuses it): the app still works while online.
  }
}
