export interface PortOwner { name: string; pid: number }
export function listeningInodes(procNetTcp: string, port: number): string[];
export function portOwner(port: number): PortOwner | undefined;
export function portBusyMessage(port: number, owner: PortOwner | undefined): string;
export function previewOnFixedPort(vite: typeof import('vite'), port: number, outDir?: string): Promise<import('vite').PreviewServer>;
