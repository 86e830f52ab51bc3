// The bearer token: taken once from the URL fragment (#token=...) or pasted, then kept in localStorage.

const KEY = 'stride.dashboard.token';

/**
 * Moves a token found in the fragment into storage and strips it from the address bar (so it is not left in
 * history or shared by copying the URL). Returns the fragment's other parameters.
 */
export function takeTokenFromFragment() {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = hash.get('token');
  if (token) {
    save(token);
    hash.delete('token');
    const rest = hash.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  }
  return hash;
}

export function load() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function save(token) {
  localStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ''));
}

export function forget() {
  localStorage.removeItem(KEY);
}

/** The token's claims (not verified: the service does that), or null when it is not a JWT. */
export function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}
