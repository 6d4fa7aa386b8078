import { PropsWithChildren } from 'react';
import { NovuiProvider } from '@novu/novui';

export const Providers = ({ children }: PropsWithChildren) => <NovuiProvider>{children}</NovuiProvider>;
