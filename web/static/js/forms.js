// Shared form helpers: show an API validation error next to the field it
// names ("lat: must be between -90 and 90"), or at the form's foot.

// clearErrors removes every error message shown in form.
export function clearErrors(form) {
  for (const node of form.querySelectorAll('[data-error-for]')) node.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const general = form.querySelector('.form-error');
  if (general) general.textContent = '';
}

// showError puts err's message next to the field it names when the form
// has that field, else in the form's general error line.
export function showError(form, err) {
  const description = (err && (err.description || err.message)) || 'Something went wrong';
  const match = /^([A-Za-z_][\w.]*):\s*(.+)$/s.exec(description);
  if (match) {
    const field = match[1].split('.')[0];
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const input = form.elements.namedItem(field);
    if (slot) {
      slot.textContent = match[2];
      if (input && input.setAttribute) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
      return field;
    }
  }
  const general = form.querySelector('.form-error');
  if (general) general.textContent = description;
  return '';
}
