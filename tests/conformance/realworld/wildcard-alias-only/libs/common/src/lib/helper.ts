export function getCssVariable(aCssVariable: string) {
  return aCssVariable;
}

export function getLocale() {
  return 'en-US';
}
