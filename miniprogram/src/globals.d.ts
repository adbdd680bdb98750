/** Compile-time constants from config/index.ts. */
declare const API_BASE: string;
declare module '*.css';
