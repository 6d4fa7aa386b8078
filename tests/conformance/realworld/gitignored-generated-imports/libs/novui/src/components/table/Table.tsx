export const Table = ({ rows }: { rows: string[] }) => <table>{rows.length}</table>;
