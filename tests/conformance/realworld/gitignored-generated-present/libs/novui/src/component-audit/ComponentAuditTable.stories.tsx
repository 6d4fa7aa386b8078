import { StoryFn, Meta } from '@storybook/react';
import { ComponentAuditTable } from './ComponentAuditTable';
import { css } from '../../styled-system/css';

import scanJson from './component-scans/scan.json';

export default {
  title: 'ComponentAudit',
  component: ComponentAuditTable,
} as Meta<typeof ComponentAuditTable>;

export const Default: StoryFn<typeof ComponentAuditTable> = () => (
  <div className={css({ overflowX: 'auto' })}>
    <ComponentAuditTable data={scanJson} />
  </div>
);
