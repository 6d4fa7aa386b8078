import { Order } from '@acme/orders';
import { catalog } from '@acme/catalog/index';
import { Widget } from '@acme/widgets/index';

export const Main = () => <Widget key={String(catalog.length)} title={Order.name} />;
