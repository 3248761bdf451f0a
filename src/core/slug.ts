/** Lower-case letters and digits joined by `-`: story ids and question ids. Empty when there are none. */
export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}
