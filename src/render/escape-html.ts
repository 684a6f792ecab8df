/** Text escaped for HTML or XML, in text and in a double-quoted attribute value: `&`, `<`, `>` and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
