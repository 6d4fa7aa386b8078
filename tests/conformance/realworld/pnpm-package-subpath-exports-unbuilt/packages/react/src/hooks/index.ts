export function useNovu() {
  return undefined;
}
