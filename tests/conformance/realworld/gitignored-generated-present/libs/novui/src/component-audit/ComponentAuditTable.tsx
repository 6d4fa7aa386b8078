import { css } from '../../styled-system/css';

export const ComponentAuditTable = ({ data }: { data: unknown }) => <pre className={css({ p: '50' })}>{JSON.stringify(data)}</pre>;
