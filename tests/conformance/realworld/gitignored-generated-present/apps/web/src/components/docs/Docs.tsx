import { Loader } from '@mantine/core';
import { css } from '@novu/novui/css';
import { Flex, Grid, VStack } from '@novu/novui/jsx';
import { token } from '@novu/novui/tokens';
import { PropsWithChildren } from 'react';
import { Button } from '@novu/novui';

export const Docs = ({ children }: PropsWithChildren) => (
  <Flex className={css({ color: token('colors.typography.text.main') })}>
    <Grid>{children}</Grid>
    <VStack>
      <Loader />
      <Button>Docs</Button>
    </VStack>
  </Flex>
);
