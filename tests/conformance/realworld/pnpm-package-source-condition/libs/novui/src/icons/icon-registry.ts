export const IconInfoOutline = 'info-outline';
export const IconOutlineWarning = 'outline-warning';
