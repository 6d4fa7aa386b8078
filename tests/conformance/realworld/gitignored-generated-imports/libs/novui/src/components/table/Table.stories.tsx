import { StoryFn, Meta } from '@storybook/react';
import { Table } from './Table';
import { Button } from '../Button';

export default {
  title: 'Components/Table',
  component: Table,
} as Meta<typeof Table>;

export const Default: StoryFn<typeof Table> = () => <Button>Add</Button>;
