// The API token field, shown only when the server says writes need one.
// The token is kept in sessionStorage so it lasts for this tab only.

import { tokenStore } from './api.js';

// setupAuth shows the token field when required is true.
export function setupAuth({ root, required }) {
  root.hidden = !required;
  if (!required) return;
  const input = root.querySelector('input');
  input.value = tokenStore.get();
  input.addEventListener('change', () => tokenStore.set(input.value.trim()));
}
