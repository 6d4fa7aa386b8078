export function parseMarkdownIntoTokens(text: string) {
  return text.split('**');
}
