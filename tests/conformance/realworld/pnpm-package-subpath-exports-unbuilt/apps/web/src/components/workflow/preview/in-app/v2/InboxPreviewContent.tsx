import { parseMarkdownIntoTokens } from '@novu/js/internal';

export const InboxPreviewContent = ({ body }: { body: string }) => <p>{parseMarkdownIntoTokens(body).join('')}</p>;
