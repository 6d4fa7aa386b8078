globalThis.toString();
