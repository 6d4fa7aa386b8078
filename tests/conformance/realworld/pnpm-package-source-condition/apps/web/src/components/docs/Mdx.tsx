import { Alert } from '@mantine/core';
import { Title } from '@novu/novui';
import { IconInfoOutline, IconOutlineWarning } from '@novu/novui/icons';

export const Mdx = ({ warning }: { warning: boolean }) => (
  <Alert icon={warning ? IconOutlineWarning : IconInfoOutline}>
    <Title>Docs</Title>
  </Alert>
);
