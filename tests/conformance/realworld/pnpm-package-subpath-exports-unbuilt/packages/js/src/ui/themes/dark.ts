export const dark = { variables: { colorBackground: '#1A1A1A' } };
