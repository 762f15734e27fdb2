// Gatehouse's pages are rendered on the server; this script makes their buttons and forms talk
// to the JSON API with fetch() (same origin, so the browser sends the Origin header the API's
// cross-site check wants) and shows the API's own messages when something is refused.
'use strict';

const FLASH = 'gatehouse.flash';
const PROVIDER_LOGOUT = 'gatehouse.provider-logout';
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

function toast(message) {
  const box = document.getElementById('toast');
  if (!box || !message) return;
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

// "/api/admin/users/{user}/lock" with data {user: "bob"}; values are percent-encoded for URLs.
function fill(template, data, encode = encodeURIComponent) {
  return (template || '').replace(/\{(\w+)\}/g, (_, key) => encode(data[key] ?? ''));
}

function sameSitePath(path) {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : '/account';
}

// Where a sign-in goes next: a path on this site, or an http(s) address the server already checked
// (with a sign-in portal: a host the session cookie reaches, such as the AI server's).
function signInNext(target) {
  return typeof target === 'string' && /^https?:\/\/[a-z0-9.-]+(:\d+)?([/?]|$)/i.test(target) ? target : sameSitePath(target);
}

async function call(method, url, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body instanceof Blob) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const json = (response.headers.get('Content-Type') || '').includes('json')
    ? await response.json().catch(() => null) : null;
  if (response.ok) return json;
  if (json && json.error === 'unauthenticated') {
    location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
  }
  const error = new Error((json && json.message) || `The server answered ${response.status}; try again.`);
  error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
  error.code = json && json.error;
  throw error;
}

function showError(form, message) {
  const box = form.querySelector('.form-error');
  if (!box) { toast(message); return; }
  box.textContent = message;
  box.hidden = !message;
}

function waitText(seconds) {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

// After 429 Too Many Requests the submit button counts down the server's Retry-After.
function holdOff(button, seconds) {
  const label = button.textContent;
  let left = seconds;
  button.disabled = true;
  const tick = () => {
    if (left <= 0) {
      clearInterval(timer);
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = `Try again in ${left} s`;
    left -= 1;
  };
  const timer = setInterval(tick, 1000);
  tick();
}

// What happens after a change succeeded: data-then="reload" (default), "close", "next", "go:/path",
// "show-key" (the new API key or invite link in its copy-once dialog) or "registered" (the waiting
// page for an account pending approval, else My Account).
function done(element, message, result) {
  const then = element.dataset.then || 'reload';
  let text = message;
  if (result && result.sessionsEnded > 0) {
    text += ` ${result.sessionsEnded} ${result.sessionsEnded === 1 ? 'session' : 'sessions'} ended.`;
  }
  if (then === 'next') {
    location.assign(signInNext(element.dataset.next));
  } else if (then.startsWith('go:')) {
    location.assign(sameSitePath(then.slice(3)));
  } else if (then === 'provider') {
    // Connecting a provider: on to its sign-in page, the one address the server answered with.
    const to = result && typeof result.location === 'string' ? result.location : '';
    if (/^https?:\/\//.test(to)) location.assign(to); else toast('The server did not say where to connect; try again.');
  } else if (then === 'registered') {
    location.assign(result && result.pending ? '/waiting' : '/account');
  } else if (then === 'show-key') {
    showKey(element, result);
  } else if (then === 'close') {
    const dialog = element.closest('dialog');
    if (dialog) dialog.close();
    toast(text);
  } else {
    if (text) sessionStorage.setItem(FLASH, text);
    location.reload();
  }
}

// A new API key is shown once, in its own dialog; closing that dialog reloads the list.
function showKey(form, result) {
  const dialog = form.closest('dialog');
  if (dialog) dialog.close();
  const keyDialog = document.getElementById('key-dialog');
  const field = keyDialog.querySelector('[data-new-key]');
  field.value = (result && (result.key || (result.link && location.origin + result.link))) || '';
  keyDialog.showModal();
  field.focus();
  field.select();
}

async function copyText(button) {
  const field = document.getElementById(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(field.value);
  } catch (notAllowed) {
    field.select();
    document.execCommand('copy');
  }
  toast('Copied. Keep it somewhere safe: it will not be shown again.');
}

async function submitForm(form) {
  showError(form, '');
  for (const confirm of form.querySelectorAll('[data-same-as]')) {
    const first = form.elements.namedItem(confirm.dataset.sameAs);
    if (first && first.value !== confirm.value) {
      showError(form, 'The two passwords differ; type the same password in both fields.');
      confirm.focus();
      return;
    }
  }
  const body = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled || (field.hasAttribute('data-optional') && !field.value.trim())) continue;
    body[field.name] = field.type === 'checkbox' ? field.checked
      : field.hasAttribute('data-split') ? field.value.split(/[\s,]+/).filter((part) => part) : field.value;
  }
  const data = { user: form.dataset.user || '', id: form.dataset.id || '' };
  const method = form.dataset.method || 'POST';
  const submit = form.querySelector('[type=submit]');
  submit.disabled = true;
  let retryAfter = 0;
  try {
    const result = await call(method, fill(form.dataset.api, data), method === 'DELETE' ? undefined : body);
    done(form, fill(form.dataset.done, data, String), result);
  } catch (error) {
    retryAfter = error.retryAfter;
    if (error.code === 'account_pending' && form.dataset.pending) {
      location.assign(sameSitePath(form.dataset.pending));
      return;
    }
    const wait = retryAfter && !/\d/.test(error.message) ? ` You can try again in ${waitText(retryAfter)}.` : '';
    showError(form, error.message + wait);
  } finally {
    if (retryAfter) holdOff(submit, retryAfter); else submit.disabled = false;
  }
}

function openDialog(button) {
  const dialog = document.getElementById(button.dataset.dialog);
  const form = dialog.querySelector('form');
  const user = button.dataset.user || '';
  form.reset();
  showError(form, '');
  form.dataset.user = user;
  form.dataset.id = button.dataset.id || '';
  dialog.querySelectorAll('[data-slot=user]').forEach((slot) => { slot.textContent = user; });
  dialog.querySelectorAll('[data-slot=name]').forEach((slot) => { slot.textContent = button.dataset.name || ''; });
  dialog.querySelectorAll('[data-fill=name]').forEach((input) => { input.value = button.dataset.name || ''; });
  dialog.showModal();
}

async function fetchButton(button) {
  const data = { user: button.dataset.user || '', id: button.dataset.id || '' };
  button.disabled = true;
  try {
    const result = await call(button.dataset.fetch, fill(button.dataset.url, data));
    const ended = result && typeof result.ended === 'number' ? ` (${result.ended} ended)` : '';
    done(button, fill(button.dataset.done, data, String) + ended, result);
  } catch (error) {
    toast(error.message);
    button.disabled = false;
  }
}

async function signOut() {
  try {
    const result = await call('POST', '/api/auth/logout');
    // Signed in through a provider that can end its own session too: the sign-in page offers it.
    if (result && typeof result.providerLogoutUrl === 'string' && /^https?:\/\//.test(result.providerLogoutUrl)) {
      sessionStorage.setItem(PROVIDER_LOGOUT, result.providerLogoutUrl);
    }
  } finally {
    location.assign('/login');
  }
}

// Back to the administrator's own session (or to sign-in if it is gone).
async function stopImpersonating() {
  try {
    const result = await call('POST', '/api/impersonation/stop');
    location.assign(sameSitePath((result && result.next) || '/login'));
  } catch (error) {
    location.assign('/login');
  }
}

function impersonationClock() {
  const left = document.querySelector('[data-impersonation] [data-ends]');
  if (!left) return;
  const tick = () => {
    const minutes = Math.max(0, Math.ceil((Date.parse(left.dataset.ends) - Date.now()) / 60000));
    left.textContent = minutes > 0 ? `${minutes} min left` : 'time is up';
  };
  tick();
  setInterval(tick, 30000);
}
impersonationClock();

async function uploadAvatar(input) {
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  if (!IMAGE_TYPES.includes(file.type)) {
    toast(`${file.name} is not a PNG, JPEG, WebP or GIF image; choose one of those.`);
    return;
  }
  if (file.size > MAX_AVATAR_BYTES) {
    toast(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; an avatar can be at most 2 MB.`);
    return;
  }
  try {
    const result = await call('PUT', '/api/me/avatar', file, { 'Content-Type': file.type });
    const fresh = result && result.avatar;
    document.querySelectorAll('img[data-my-avatar]').forEach((img) => {
      img.src = fresh || img.src.replace(/\?.*$/, '') + '?v=' + Date.now();
    });
    toast('Your avatar is updated.');
  } catch (error) {
    toast(error.message);
  }
}

function closeMenus(except) {
  document.querySelectorAll('details.menu[open]').forEach((menu) => {
    if (menu !== except) menu.open = false;
  });
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  submitForm(form);
});

document.addEventListener('click', (event) => {
  closeMenus(event.target.closest('details.menu'));
  const button = event.target.closest('button');
  if (!button) return;
  if (button.dataset.dialog) openDialog(button);
  else if (button.hasAttribute('data-close')) button.closest('dialog').close();
  else if (button.dataset.fetch) fetchButton(button);
  else if (button.hasAttribute('data-sign-out')) signOut();
  else if (button.hasAttribute('data-stop-impersonating')) stopImpersonating();
  else if (button.dataset.copy) copyText(button);
  else if (button.hasAttribute('data-pick-avatar')) document.querySelector('[data-avatar-file]').click();
});

// The dialog showing a new key: once closed, the key is gone from the page and the list is fresh.
document.addEventListener('close', (event) => {
  const dialog = event.target;
  if (!(dialog instanceof HTMLDialogElement) || !dialog.hasAttribute('data-reload-on-close')) return;
  dialog.querySelectorAll('[data-new-key]').forEach((field) => { field.value = ''; });
  sessionStorage.setItem(FLASH, dialog.dataset.flash || 'Created the key.');
  location.reload();
}, true);

document.addEventListener('change', (event) => {
  if (event.target.matches('[data-avatar-file]')) uploadAvatar(event.target);
});

document.addEventListener('keydown', (event) => {
  const open = document.querySelector('details.menu[open]');
  if (event.key === 'Escape' && open) {
    open.open = false;
    open.querySelector('summary').focus();
  }
});

document.addEventListener('DOMContentLoaded', () => {
  const flash = sessionStorage.getItem(FLASH);
  if (flash) {
    sessionStorage.removeItem(FLASH);
    toast(flash);
  }
  const providerLogout = sessionStorage.getItem(PROVIDER_LOGOUT);
  const offer = document.querySelector('[data-provider-logout]');
  if (providerLogout && offer) {
    sessionStorage.removeItem(PROVIDER_LOGOUT);
    offer.querySelector('a').href = providerLogout;
    offer.hidden = false;
  }
  // The setup link carries its code in the fragment, which never reaches a server or a log.
  const code = document.querySelector('[data-setup-code]');
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('code');
  if (code && fromLink) {
    code.value = fromLink;
    history.replaceState(null, '', location.pathname + location.search);
    document.getElementById('password').focus();
  }
  // Exact times in the reader's own time zone.
  document.querySelectorAll('time[datetime]').forEach((time) => {
    const at = new Date(time.dateTime);
    if (!Number.isNaN(at.getTime())) time.title = at.toLocaleString(undefined, { timeZoneName: 'short' });
  });
});
