// Small enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  // Copy a link to the clipboard, saying so where screen readers hear it.
  document.querySelectorAll('[data-copy]').forEach((button) => {
    button.addEventListener('click', async () => {
      const input = document.getElementById(button.getAttribute('data-copy'));
      input.select();
      try {
        await navigator.clipboard.writeText(input.value);
        button.textContent = 'Kopierad!';
      } catch {
        document.execCommand('copy');
      }
    });
  });
  // Ask before actions that cannot be undone.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
  // Move focus to the error summary so keyboard and screen-reader users start there.
  const summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();
});
